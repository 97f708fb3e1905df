package io.stipple.testinfra;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The journey tests' clock for a packaged service: an {@link OffsetFileClock} on the file named by the system property
 * {@value #PROPERTY} or else the environment variable {@value #ENVIRONMENT}. The platform's {@code ClockProducer}
 * loads this class by name from the system class path when {@code stipple.clock.source} names it; {@code LocalStack}
 * puts this module's jar on the service's class path and sets both when asked for a movable clock. Only JDK types
 * cross that boundary ({@code Supplier<Clock>}), so the service needs nothing of this module to compile.
 */
public final class OffsetFileClockSource implements Supplier<Clock> {

    public static final String PROPERTY = "stipple.clock.offset-file";
    public static final String ENVIRONMENT = "STIPPLE_CLOCK_OFFSET_FILE";

    @Override
    public Clock get() {
        String file = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("set " + ENVIRONMENT + " (or -D" + PROPERTY + ") to the clock offset file");
        }
        return new OffsetFileClock(Path.of(file));
    }
}
