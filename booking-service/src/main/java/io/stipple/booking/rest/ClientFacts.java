package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "BookingClientFacts", description = "booking-service's projection of the client")
public record ClientFacts(
        @Schema(example = "Sam", maxLength = 200) String firstName,
        @Schema(example = "Okafor", maxLength = 200) String lastName,
        @Schema(example = "MALE", maxLength = 20) String sex,
        @Schema(example = "NORWOOD", maxLength = 20) String scale,
        @Schema(example = "6", maxLength = 10) String stage,
        @Schema(example = "ANDROGENETIC_ALOPECIA", maxLength = 40) String condition,
        @Schema(example = "70") Integer coveragePercent,
        @Schema(example = "ELIGIBLE", maxLength = 20) String eligibility,
        @Schema(example = "false") Boolean screeningReviewed,
        @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
}
