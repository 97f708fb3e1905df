package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * A client may cancel or reschedule a booking only until the clinic's cancellation notice before its start; staff
 * always may: 422 {@code cancellation-window-passed}.
 */
public final class CancellationNoticePolicy {

    private CancellationNoticePolicy() {
    }

    /** @param what the change, as a verb ("cancel", "reschedule") */
    public static void check(Booking booking, Clinic clinic, Instant now, boolean byStaff, String what) {
        if (byStaff) return;
        if (isLate(booking, clinic, now)) {
            throw new RuleViolation("cancellation-window-passed", "Bookings can be " + what + "d online until "
                    + clinic.cancellationNoticeHours + " hours before the start; please call the clinic");
        }
    }

    /** Inside the notice window: later than the clinic's notice before the start (a late cancellation). */
    public static boolean isLate(Booking booking, Clinic clinic, Instant now) {
        return now.isAfter(booking.startsAt.minus(Duration.ofHours(clinic.cancellationNoticeHours)));
    }
}
