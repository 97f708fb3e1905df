package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.List;

/**
 * A technician is booked once at a time: 409 {@code booking-conflict}. Only the nicer message; PostgreSQL's
 * exclusion constraint is the guard.
 */
public final class DoubleBookingPolicy {

    private DoubleBookingPolicy() {
    }

    /** @param taken the technician's other bookings' occupied time overlapping this booking's */
    public static void check(Technician technician, List<TimeRange> taken) {
        if (!taken.isEmpty()) {
            throw RuleViolation.conflict("booking-conflict", technician.displayName + " is already booked at that time");
        }
    }
}
