package io.stipple.booking.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The taken time of one technician or room, merged and sorted so that "is [s, e) free?" is a binary search:
 * the cost of a lookup grows with the log of the bookings in the searched window, not with history.
 */
public final class BusyTimes {

    private final long[] starts;
    private final long[] ends;

    private BusyTimes(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static BusyTimes of(Collection<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::start));
        long[] s = new long[sorted.size()];
        long[] e = new long[sorted.size()];
        int n = 0;
        for (TimeRange r : sorted) {
            long rs = r.start().toEpochMilli();
            long re = r.end().toEpochMilli();
            if (n > 0 && rs <= e[n - 1]) {
                e[n - 1] = Math.max(e[n - 1], re);
            } else {
                s[n] = rs;
                e[n] = re;
                n++;
            }
        }
        return new BusyTimes(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    /** True when nothing taken overlaps {@code [start, end)} (epoch milliseconds). */
    public boolean isFree(long start, long end) {
        // the last busy interval starting before `end` is the only one that can overlap (intervals are disjoint)
        int lo = 0;
        int hi = starts.length - 1;
        int candidate = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < end) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return candidate < 0 || ends[candidate] <= start;
    }

    /** The starts {@code s} at which {@code [s, s + length)} is free (see {@link StartIntervals#around}). */
    public StartIntervals freeStarts(long length) {
        return starts.length == 0 ? StartIntervals.ALL : StartIntervals.around(starts, ends, length);
    }

    public boolean isFree(TimeRange range) {
        return isFree(range.start().toEpochMilli(), range.end().toEpochMilli());
    }
}
