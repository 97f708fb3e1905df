package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Instant;

/** A booking must start in the future: 422 {@code booking-in-past}. */
public final class FutureStartPolicy {

    private FutureStartPolicy() {
    }

    public static void check(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            throw new RuleViolation("booking-in-past", "A booking must start in the future");
        }
    }
}
