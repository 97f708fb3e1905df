package io.stipple.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The system UTC clock, the one every service injects. Tests replace it without any test code in this jar:
 * <ul>
 *     <li>a service's own {@code @QuarkusTest}s get test-infra's {@code TestClock} (a movable clock, a CDI
 *     alternative to this producer);</li>
 *     <li>the cross-service journey tests, which run the packaged services, set {@code stipple.clock.source}
 *     ({@code STIPPLE_CLOCK_SOURCE}) to the name of a class that implements {@code Supplier<Clock>}; it is loaded
 *     from the <b>system</b> class path (the local-stack launcher puts test-infra's jar there and names its
 *     {@code OffsetFileClockSource}, so all four services follow one offset file).</li>
 * </ul>
 * Production never sets {@code stipple.clock.source}; when it is set, a warning says so at start-up, and a class that
 * cannot be loaded or is not a {@code Supplier<Clock>} stops the start.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @ConfigProperty(name = "stipple.clock.source")
    Optional<String> source;

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        if (source.isPresent() && !source.get().isBlank()) {
            LOG.warnf("clock supplied by %s from stipple.clock.source (a test clock, never for production)", source.get());
            return fromSource(source.get().trim());
        }
        return Clock.systemUTC();
    }

    /** The clock a {@code Supplier<Clock>} class on the system class path gives (made with its no-argument constructor). */
    static Clock fromSource(String className) {
        Object supplier;
        try {
            Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
            supplier = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("stipple.clock.source: cannot make a " + className
                    + " from the system class path (" + e + ")", e);
        }
        if (!(supplier instanceof Supplier<?> clocks)) {
            throw new IllegalStateException("stipple.clock.source: " + className + " is not a Supplier<Clock>");
        }
        if (!(clocks.get() instanceof Clock clock)) {
            throw new IllegalStateException("stipple.clock.source: " + className + " did not supply a java.time.Clock");
        }
        return clock;
    }
}
