package io.stipple.testinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can set and advance. Until it is set it follows the system clock, so a service booted
 * with it behaves normally.
 */
public class MutableClock extends UtcTestClock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(current -> (current == null ? Instant.now() : current).plus(duration));
    }

    /** Back to following the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed.get();
        return instant == null ? Instant.now() : instant;
    }
}
