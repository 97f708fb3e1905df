package io.stipple.booking.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "TimeOffRequest")
public record TimeOffRequest(
        @NotNull @Schema(example = "2026-12-01T09:00:00Z") OffsetDateTime startsAt,
        @NotNull @Schema(example = "2026-12-03T18:00:00Z") OffsetDateTime endsAt,
        @Size(max = 200) @Schema(example = "Training course") String reason) {
}
