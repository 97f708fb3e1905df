package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "SeriesAvailability", description = "Bookable combinations of the next sessions of a client's plan, earliest first")
public record SeriesAvailabilityView(
        @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @Schema(example = "Europe/London", maxLength = 64) String timeZone,
        @Schema(description = "First local date of the first session", example = "2026-12-01") LocalDate from,
        @Schema(description = "Sessions in each combination", example = "3") int sessions,
        @Schema(description = "This client's session length", example = "210") long sessionMinutes,
        @Schema(description = "At least this many days between a session's end and the next one's start", example = "7") int healingIntervalDays,
        @Schema(description = "At most `limit` (1 to 20)", maxItems = 20) List<SeriesCombinationView> combinations) {
}
