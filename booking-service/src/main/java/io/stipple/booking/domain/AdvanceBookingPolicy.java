package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/** Bookings open {@code booking.bookings.max-advance} ahead, no further: 422 {@code booking-too-far-ahead}. */
public final class AdvanceBookingPolicy {

    private AdvanceBookingPolicy() {
    }

    public static void check(Instant start, Instant now, Duration maxAdvance) {
        if (start.isAfter(now.plus(maxAdvance))) {
            throw new RuleViolation("booking-too-far-ahead", "Bookings open " + maxAdvance.toDays() + " days ahead");
        }
    }
}
