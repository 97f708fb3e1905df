package io.stipple.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription; {@code secret} only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookSubscription")
public record WebhookSubscriptionView(
        @Schema(example = "c3d4e5f6-a7b8-4911-8a22-ccddeeff0011") UUID id,
        @Schema(example = "https://partner.example.com/stipple/webhooks") String url,
        @Schema(example = "[\"BookingConfirmed\", \"SessionCompleted\"]") List<String> eventTypes,
        @Schema(example = "Partner CRM sync", nullable = true) String description,
        @Schema(example = "true") boolean active,
        @Schema(example = "partner-crm", nullable = true,
                description = "The partner that owns (created) the subscription; absent for the clinic's own, created by an admin")
        String ownerPartnerId,
        @Schema(example = "2026-11-25T14:00:00Z") Instant createdAt,
        @Schema(example = "0") long version,
        @Schema(example = "whsec_3q2-7wEXAMPLEsecretEXAMPLEsecret", nullable = true,
                description = "HMAC-SHA256 key for Stipple-Signature; returned only when the subscription is created")
        String secret) {
}
