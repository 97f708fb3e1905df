package io.stipple.notification.rest;

import io.stipple.notification.service.UncertainDeliveryService;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff decided about an UNCERTAIN delivery. */
public record ResolutionRequest(
        @NotNull @Schema(description = "DELIVERED: the recipient has it (recorded as sent). RESEND: send it again now "
                + "(quiet hours still apply).", example = "RESEND") UncertainDeliveryService.Resolution outcome) {
}
