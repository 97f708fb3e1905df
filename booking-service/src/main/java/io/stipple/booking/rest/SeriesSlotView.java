package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "SeriesSlot", description = "One session of a proposed series")
public record SeriesSlotView(
        @Schema(example = "1") int sessionNumber,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T10:00:00Z") OffsetDateTime startsAt,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T13:30:00Z") OffsetDateTime endsAt,
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId) {
}
