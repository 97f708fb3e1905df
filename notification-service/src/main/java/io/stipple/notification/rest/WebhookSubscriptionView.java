package io.stipple.notification.rest;

import jakarta.validation.constraints.Size;
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
        @Schema(example = "https://partner.example.com/stipple/webhooks", maxLength = 2000) String url,
        @Schema(example = "[\"BookingConfirmed\", \"SessionCompleted\"]", maxItems = 20) List<@Size(max = 100) String> eventTypes,
        @Schema(example = "Partner CRM sync", nullable = true, maxLength = 500) String description,
        @Schema(example = "true") boolean active,
        @Schema(example = "partner-crm", nullable = true,
                description = "The partner that owns (created) the subscription; absent for the clinic's own, created by an admin",
                maxLength = 100)
        String ownerPartnerId,
        @Schema(example = "2026-11-25T14:00:00Z") Instant createdAt,
        @Schema(example = "0") long version,
        @Schema(example = "STANDARD", enumeration = {"STANDARD", "LEGACY"},
                description = "STANDARD: the secret is a Standard Webhooks whsec_ secret and deliveries carry webhook-signature "
                        + "(and the deprecated Stipple-Signature); LEGACY: a secret from before Standard Webhooks signing, "
                        + "deliveries carry only Stipple-Signature until the secret is rotated")
        String secretScheme,
        @Schema(example = "2026-11-30T09:00:00Z", nullable = true, description = "When the secret was last rotated")
        Instant secretRotatedAt,
        @Schema(example = "2026-12-01T09:00:00Z", nullable = true,
                description = "Until when the secret before the last rotation still signs deliveries (absent once over)")
        Instant previousSecretValidUntil,
        @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0aVbCxvbSJE=", nullable = true,
                description = "The Standard Webhooks secret (whsec_ + base64 of the HMAC-SHA256 key; it also keys the "
                        + "deprecated Stipple-Signature as text); returned only when the subscription is created",
                maxLength = 100)
        String secret) {
}
