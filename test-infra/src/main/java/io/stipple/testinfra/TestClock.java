package io.stipple.testinfra;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Every service's clock in its {@code @QuarkusTest}s: one {@link MutableClock} that follows the system clock until a
 * test sets or advances it (and should {@link MutableClock#reset() reset} it afterwards). Found by Quarkus through this
 * jar's Jandex index, so a service with test-infra on its test class path needs no producer of its own; it replaces the
 * platform's {@code ClockProducer} as an alternative. Inject {@code MutableClock} or use {@link #CLOCK}.
 */
@ApplicationScoped
public class TestClock {

    /** The one clock of the test application (the same instance as the injected {@code Clock} and {@code MutableClock}). */
    public static final MutableClock CLOCK = new MutableClock();

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
