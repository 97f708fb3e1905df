package io.stipple.notification;

import io.stipple.platform.time.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The application's clock in tests: a {@link MutableClock} tests set and advance instead of sleeping. */
@ApplicationScoped
public class TestClock {

    private static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }

    @Produces
    @Singleton
    @Typed(MutableClock.class)
    MutableClock mutableClock() {
        return CLOCK;
    }
}
