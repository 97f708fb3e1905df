package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * The whole session lies within one interval of both the clinic's opening hours and the technician's working hours
 * (clinic-local week): 422 {@code outside-opening-hours}.
 */
public final class OpeningHoursPolicy {

    private OpeningHoursPolicy() {
    }

    public static void check(Instant start, Duration session, Clinic clinic, Technician technician) {
        if (!AvailabilityCalculator.withinHours(start, session, clinic.zone(), clinic.openingHours, technician.workingHours)) {
            throw new RuleViolation("outside-opening-hours", "The session must lie within the clinic's opening hours and "
                    + technician.displayName + "'s working hours");
        }
    }
}
