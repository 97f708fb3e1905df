package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.CancelledBy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Booking", description = "Times are in the clinic's zone, with offset.")
public record BookingView(
        @Schema(example = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9") UUID id,
        @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @Schema(example = "SMP_SESSION") BookingKind kind,
        @Schema(example = "CONFIRMED") BookingStatus status,
        @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @Schema(example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
        @Schema(example = "2") Integer sessionNumber,
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @Schema(example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID roomId,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T10:00:00Z") OffsetDateTime startsAt,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T12:00:00Z") OffsetDateTime endsAt,
        @Schema(description = "Clean-up after the session", example = "30") long bufferMinutes,
        @Schema(example = "Shave the head 24 hours before", maxLength = 2000) String preparationNotes,
        HealingOverrideView healingOverride,
        @Schema(example = "CLIENT") CancelledBy cancelledBy,
        @Schema(example = "Client is unwell", maxLength = 500) String cancelReason,
        Instant cancelledAt,
        Instant checkedInAt,
        Instant noShowAt,
        Instant completedAt,
        @Schema(description = "While HELD or PENDING_PAYMENT: when the slot hold (or the time to pay the deposit) runs out and the time is free again", example = "2026-11-25T09:05:00Z") Instant holdExpiresAt,
        @Schema(description = "The booking's deposit and every money decision on it, with its rule; null when the booking needs none") PaymentView payment,
        @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
        @Schema(example = "0") long version) {
}
