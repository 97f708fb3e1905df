package io.stipple.booking.rest;

import io.stipple.booking.domain.WaitlistEntryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

@Schema(name = "WaitlistEntry", description = "A client waiting for freed time of a treatment.")
public record WaitlistEntryView(
        @Schema(example = "0b7e4a2c-9d1f-4e3a-8b5c-6d7e8f9a0b1c") UUID id,
        @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @Schema(example = "2026-12-01") LocalDate from,
        @Schema(example = "2026-12-31") LocalDate to,
        @Schema(example = "09:00") LocalTime earliestTime,
        @Schema(example = "13:00") LocalTime latestTime,
        @Schema(example = "WAITING") WaitlistEntryStatus status,
        @Schema(description = "Place in line among the clinic's entries for the treatment (join order; 1 = next); null once out of line", example = "1") Integer position,
        @Schema(example = "2026-11-25T09:00:00Z") Instant joinedAt,
        @Schema(example = "0") long version) {
}
