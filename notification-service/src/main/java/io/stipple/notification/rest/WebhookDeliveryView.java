package io.stipple.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One event to one subscription and its attempts. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
        @Schema(example = "d4e5f6a7-b8c9-4a11-9b33-ddeeff001122") UUID id,
        @Schema(example = "c3d4e5f6-a7b8-4911-8a22-ccddeeff0011") UUID subscriptionId,
        @Schema(example = "e5f6a7b8-c9d0-4b11-8c44-eeff00112233") UUID eventId,
        @Schema(example = "BookingConfirmed", maxLength = 100) String eventType,
        @Schema(example = "DEAD", enumeration = {"PENDING", "SENDING", "DELIVERED", "DEAD", "CANCELLED"}) String status,
        @Schema(example = "NOT_SHARED", nullable = true, enumeration = {"CLIENT_ERASED", "NOT_SHARED"},
                description = "Why a CANCELLED delivery was not sent: the client was erased, or does not (or no longer) "
                        + "share with the subscription's partner")
        String statusReason,
        @Schema(example = "4") int attempts,
        @Schema(example = "2026-11-25T14:10:00Z") Instant nextAttemptAt,
        @Schema(example = "500", nullable = true) Integer lastStatusCode,
        @Schema(example = "HTTP 500", nullable = true, maxLength = 1000) String lastError,
        @Schema(example = "2026-11-25T14:05:00Z", nullable = true) Instant lastAttemptAt,
        @Schema(example = "2026-11-25T14:00:01Z", nullable = true) Instant deliveredAt,
        @Schema(example = "2026-11-25T14:00:00Z") Instant createdAt) {
}
