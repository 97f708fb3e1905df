package io.stipple.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A partner endpoint and the event types it wants. */
@Schema(name = "WebhookSubscriptionRequest")
public record WebhookSubscriptionRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "https://partner.example.com/stipple/webhooks") String url,
        @NotNull @NotEmpty @Size(max = 20) @Schema(example = "[\"BookingConfirmed\", \"SessionCompleted\"]")
        List<@NotBlank @Size(max = 100) String> eventTypes,
        @Size(max = 500) @Schema(example = "Partner CRM sync", nullable = true) String description) {
}
