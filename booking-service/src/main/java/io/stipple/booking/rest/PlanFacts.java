package io.stipple.booking.rest;

import io.stipple.booking.domain.TreatmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "BookingPlanFacts", description = "A treatment plan of the client as booking-service knows it")
public record PlanFacts(
        @Schema(example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
        @Schema(example = "PERMANENT_SMP") TreatmentType treatmentType,
        @Schema(example = "3") int plannedSessions,
        @Schema(example = "7") int healingIntervalDays,
        @Schema(example = "NORWOOD", maxLength = 20) String scale,
        @Schema(example = "6", maxLength = 10) String stage,
        @Schema(example = "ANDROGENETIC_ALOPECIA", maxLength = 40) String condition,
        @Schema(example = "70") Integer coveragePercent,
        @Schema(example = "ELIGIBLE", maxLength = 20) String eligibility,
        @Schema(example = "MALE", maxLength = 20) String sex,
        @Schema(example = "AGREED", maxLength = 20) String status,
        @Schema(example = "2026-11-25T12:00:00Z") Instant agreedAt,
        @Schema(example = "2027-01-10T12:00:00Z") Instant closedAt,
        @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
}
