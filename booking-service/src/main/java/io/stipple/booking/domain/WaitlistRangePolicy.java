package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * What a client may wait for: local days {@code from..to} (inclusive, {@code to} not before {@code from} nor before
 * the clinic's today, at most {@link #MAX_DAYS} days after {@code from}) and a window of start times whose earliest
 * is not after its latest. 400 naming the field otherwise.
 */
public final class WaitlistRangePolicy {

    public static final int MAX_DAYS = 90;

    private WaitlistRangePolicy() {
    }

    public static void check(LocalDate from, LocalDate to, LocalTime earliest, LocalTime latest, LocalDate today) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalidValue("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw RuleViolation.invalidValue("to", "must be at most " + MAX_DAYS + " days after from");
        }
        if (to.isBefore(today)) {
            throw RuleViolation.invalidValue("to", "must not be in the past (the clinic's today is " + today + ")");
        }
        if (earliest != null && latest != null && earliest.isAfter(latest)) {
            throw RuleViolation.invalidValue("latestTime", "must not be before earliestTime");
        }
    }
}
