package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "TimeOff")
public record TimeOffView(
        @Schema(example = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f") UUID id,
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T09:00:00Z") OffsetDateTime startsAt,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-03T18:00:00Z") OffsetDateTime endsAt,
        @Schema(example = "Training course", maxLength = 200) String reason) {
}
