package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** No booking on a day the clinic is closed (its local calendar): 422 {@code clinic-closed}. */
public final class ClosurePolicy {

    private ClosurePolicy() {
    }

    /** The clinic-local day a booking starting at {@code start} falls on (the day whose closures count). */
    public static LocalDate day(Instant start, ZoneId zone) {
        return start.atZone(zone).toLocalDate();
    }

    /** @param closedDays the clinic's closed local days (at least those around {@code day}) */
    public static void check(LocalDate day, Set<LocalDate> closedDays) {
        if (closedDays.contains(day)) {
            throw new RuleViolation("clinic-closed", "The clinic is closed on " + day);
        }
    }
}
