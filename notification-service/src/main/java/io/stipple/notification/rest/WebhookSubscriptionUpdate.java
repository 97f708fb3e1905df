package io.stipple.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Replaces a subscription's target, event types and state (the secret stays). */
@Schema(name = "WebhookSubscriptionUpdate")
public record WebhookSubscriptionUpdate(
        @NotBlank @Size(max = 2000) @Schema(example = "https://partner.example.com/stipple/webhooks") String url,
        @NotNull @NotEmpty @Size(max = 20) @Schema(example = "[\"BookingConfirmed\"]") List<@NotBlank @Size(max = 100) String> eventTypes,
        @Size(max = 500) @Schema(example = "Partner CRM sync", nullable = true) String description,
        @NotNull @Schema(example = "true", description = "false pauses deliveries") Boolean active) {
}
