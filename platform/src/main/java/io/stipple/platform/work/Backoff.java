package io.stipple.platform.work;

import java.time.Duration;

/**
 * Capped exponential backoff, the one formula of the platform's workers: the pause after the {@code n}-th failed
 * attempt (or the {@code n}-th failed round in a row) is {@code base × 2^(n − 1)}, never above {@code cap}; zero or
 * fewer attempts count as the first.
 */
public record Backoff(Duration base, Duration cap) {

    /** The doubling stops here (base × 2^20), far past any sensible cap; keeps the arithmetic from overflowing. */
    private static final int MAX_SHIFT = 20;

    public Backoff {
        if (base == null || cap == null || base.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff base and cap must be zero or more, got " + base + " / " + cap);
        }
    }

    /** A pause that does not grow: {@code every} after each failure. */
    public static Backoff constant(Duration every) {
        return new Backoff(every, every);
    }

    /** The pause after the {@code attempts}-th failure: base × 2^(attempts − 1), capped. */
    public Duration after(int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), MAX_SHIFT);
        Duration wait = base.multipliedBy(1L << shift);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
