package io.stipple.booking.domain;

import java.util.Arrays;
import java.util.Collection;

/**
 * The start instants (epoch milliseconds) at which something of a fixed length fits around a resource's taken time,
 * as sorted, disjoint closed intervals {@code [from, to]}. Turning "is [s, s+length) free?" for every candidate start
 * into an interval list lets a search walk the free stretches of a technician and of the rooms together (an interval
 * sweep) instead of asking every resource about every candidate.
 */
public final class StartIntervals {

    /** Every start: nothing is taken. */
    static final StartIntervals ALL = new StartIntervals(new long[]{Long.MIN_VALUE}, new long[]{Long.MAX_VALUE}, 1);

    private final long[] from;
    private final long[] to;
    private final int size;

    private StartIntervals(long[] from, long[] to, int size) {
        this.from = from;
        this.to = to;
        this.size = size;
    }

    /**
     * Starts {@code s} with {@code [s, s + length)} overlapping none of the merged, sorted taken intervals: the busy
     * interval {@code [bs, be)} rules out exactly the starts in the open interval {@code (bs - length, be)}, so the
     * allowed starts are the closed gaps {@code [be(i-1), bs(i) - length]} between them.
     */
    static StartIntervals around(long[] busyStarts, long[] busyEnds, long length) {
        int n = busyStarts.length;
        long[] f = new long[n + 1];
        long[] t = new long[n + 1];
        int k = 0;
        long previousEnd = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long last = busyStarts[i] - length;
            if (previousEnd <= last) {
                f[k] = previousEnd;
                t[k] = last;
                k++;
            }
            previousEnd = busyEnds[i];
        }
        f[k] = previousEnd;
        t[k] = Long.MAX_VALUE;
        k++;
        return new StartIntervals(f, t, k);
    }

    /** The starts allowed by at least one of {@code sets} (e.g. "some room is free"). */
    public static StartIntervals union(Collection<StartIntervals> sets) {
        int total = 0;
        for (StartIntervals s : sets) total += s.size;
        long[][] pairs = new long[total][];
        int p = 0;
        for (StartIntervals s : sets) {
            for (int i = 0; i < s.size; i++) pairs[p++] = new long[]{s.from[i], s.to[i]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] f = new long[total];
        long[] t = new long[total];
        int k = 0;
        for (long[] pair : pairs) {
            if (k > 0 && pair[0] <= t[k - 1]) {
                t[k - 1] = Math.max(t[k - 1], pair[1]);
            } else {
                f[k] = pair[0];
                t[k] = pair[1];
                k++;
            }
        }
        return new StartIntervals(f, t, k);
    }

    /** True when {@code start} is allowed. */
    public boolean contains(long start) {
        int i = lastFromAtOrBefore(start);
        return i >= 0 && to[i] >= start;
    }

    /** Receives the allowed starts of a grid, in increasing order. */
    @FunctionalInterface
    public interface StartSink {
        void accept(long start);
    }

    /**
     * The points {@code origin + k * step} ({@code k >= 0}) in {@code [lo, hi]} allowed by both this and
     * {@code other}, in increasing order: a two-pointer walk over the intervals from {@code lo}, so the cost is the
     * number of intervals met plus the number of points emitted.
     */
    public void gridPointsWith(StartIntervals other, long origin, long step, long lo, long hi, StartSink sink) {
        if (lo > hi) return;
        int i = Math.max(0, lastFromAtOrBefore(lo));
        int j = Math.max(0, other.lastFromAtOrBefore(lo));
        while (i < size && j < other.size) {
            long a = Math.max(Math.max(from[i], other.from[j]), lo);
            long b = Math.min(Math.min(to[i], other.to[j]), hi);
            if (a > hi) return;
            if (a <= b) {
                long first = origin + Math.floorDiv(a - origin + step - 1, step) * step;
                for (long s = first; s <= b; s += step) sink.accept(s);
            }
            if (to[i] < other.to[j]) i++;
            else j++;
        }
    }

    /** Index of the last interval starting at or before {@code x}, or -1. */
    private int lastFromAtOrBefore(long x) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (from[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
