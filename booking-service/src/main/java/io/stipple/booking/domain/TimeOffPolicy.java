package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.List;

/** No booking while the technician is off: 409 {@code technician-unavailable} (naming the first absence's reason). */
public final class TimeOffPolicy {

    private TimeOffPolicy() {
    }

    /** @param overlapping the technician's time off overlapping the booking's occupied time */
    public static void check(Technician technician, List<TimeOff> overlapping) {
        if (!overlapping.isEmpty()) {
            TimeOff off = overlapping.get(0);
            throw RuleViolation.conflict("technician-unavailable", technician.displayName + " is off at that time"
                    + (off.reason == null ? "" : " (" + off.reason + ")"));
        }
    }
}
