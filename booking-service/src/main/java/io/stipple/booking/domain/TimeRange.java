package io.stipple.booking.domain;

import java.time.Instant;

/** A half-open interval of time {@code [start, end)}. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a time range needs start < end");
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
