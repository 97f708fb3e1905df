package io.stipple.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * The dates and instants Stipple accepts from outside: years 0001 to 9999, as RFC 3339 writes them with four digits.
 * Anything else (year 0, -5000, +300000) is bad input: PostgreSQL cannot store all of it and no clinic means it, so
 * it is refused with a 400 naming the field or parameter instead of reaching the database.
 */
public final class TimeBounds {

    /** What a refused value is told, in bodies and parameters alike. */
    public static final String OUT_OF_RANGE = "year must be between 0001 and 9999";

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private TimeBounds() {
    }

    /** The value's year, for the time types the API reads; null for any other value. */
    static Integer yearOf(Object value) {
        if (value instanceof Instant i) {
            try {
                return i.atOffset(ZoneOffset.UTC).getYear();
            } catch (DateTimeException e) {
                return Integer.MAX_VALUE; // beyond what a date can even hold
            }
        }
        if (value instanceof LocalDate d) return d.getYear();
        if (value instanceof OffsetDateTime o) return o.getYear();
        if (value instanceof ZonedDateTime z) return z.getYear();
        if (value instanceof LocalDateTime l) return l.getYear();
        return null;
    }

    /** True when the value is not a time value, or one whose year is 0001 to 9999. */
    public static boolean inRange(Object value) {
        Integer year = yearOf(value);
        return year == null || (year >= MIN_YEAR && year <= MAX_YEAR);
    }

    /** True for the message of a value refused by this range (so it is shown as it is). */
    public static boolean isOutOfRangeMessage(String message) {
        return OUT_OF_RANGE.equals(message);
    }

    static boolean isTimeType(Class<?> type) {
        return type == Instant.class || type == LocalDate.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == LocalDateTime.class;
    }

    /** Parses an ISO-8601 value of the given type (as the JSON and the query parameters carry it). */
    static TemporalAccessor parse(Class<?> type, String text) {
        if (type == Instant.class) return Instant.parse(text);
        if (type == LocalDate.class) return LocalDate.parse(text);
        if (type == OffsetDateTime.class) return OffsetDateTime.parse(text);
        if (type == ZonedDateTime.class) return ZonedDateTime.parse(text);
        if (type == LocalDateTime.class) return LocalDateTime.parse(text);
        throw new IllegalArgumentException("not a time type: " + type);
    }

    /** How a value of the type is written, for error messages. */
    static String example(Class<?> type) {
        if (type == LocalDate.class) return "a date such as 2027-01-31";
        if (type == LocalDateTime.class) return "a local date-time such as 2027-01-31T09:30:00";
        return "an instant such as 2027-01-31T09:30:00Z";
    }
}
