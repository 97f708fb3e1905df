package io.stipple.notification.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * How long before an appointment a reminder goes out. Whole days ({@code P2D}) are calendar days in the
 * clinic's zone, so "two days before" keeps the wall-clock time across a daylight-saving change; a time
 * amount ({@code PT2H}) is exact elapsed time.
 */
public record ReminderOffset(String text, Period days, Duration exact) {

    public static ReminderOffset parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("offset is empty");
        }
        String value = text.trim().toUpperCase();
        try {
            if (value.contains("T")) {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(60)) > 0) {
                    throw new IllegalArgumentException("offset must be between 1 second and 60 days: " + text);
                }
                return new ReminderOffset(value, null, duration);
            }
            Period period = Period.parse(value);
            if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1 || period.getDays() > 60) {
                throw new IllegalArgumentException("offset in days must be P1D to P60D: " + text);
            }
            return new ReminderOffset(value, period, null);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration such as P2D or PT2H: " + text, e);
        }
    }

    /** The moment a reminder with this offset is due for an appointment starting at {@code startsAt}. */
    public Instant before(Instant startsAt, ZoneId zone) {
        if (days != null) {
            return startsAt.atZone(zone).minus(days).toInstant();
        }
        return startsAt.minus(exact);
    }
}
