package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.stipple.booking.domain.WaitlistMode;
import io.stipple.booking.domain.WaitlistOfferStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "WaitlistOffer", description = "Freed time offered to a waiting client; times in the clinic's zone, with offset.")
public record WaitlistOfferView(
        @Schema(example = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f") UUID id,
        @Schema(example = "0b7e4a2c-9d1f-4e3a-8b5c-6d7e8f9a0b1c") UUID entryId,
        @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @Schema(example = "FIRST_IN_LINE") WaitlistMode mode,
        @Schema(example = "OPEN") WaitlistOfferStatus status,
        @Schema(description = "First in line: the held booking; offered to all: the booking once accepted", example = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9") UUID bookingId,
        @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T10:00:00Z") OffsetDateTime startsAt,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T12:00:00Z") OffsetDateTime endsAt,
        @Schema(description = "Accept before this", example = "2026-11-25T10:00:00Z") Instant expiresAt,
        @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt) {
}
