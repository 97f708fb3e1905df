package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "BookingClientFacts", description = "booking-service's projection of the client")
public record ClientFacts(
        @Schema(example = "Sam") String firstName,
        @Schema(example = "Okafor") String lastName,
        @Schema(example = "MALE") String sex,
        @Schema(example = "NORWOOD") String scale,
        @Schema(example = "6") String stage,
        @Schema(example = "ANDROGENETIC_ALOPECIA") String condition,
        @Schema(example = "70") Integer coveragePercent,
        @Schema(example = "ELIGIBLE") String eligibility,
        @Schema(example = "false") Boolean screeningReviewed,
        @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
}
