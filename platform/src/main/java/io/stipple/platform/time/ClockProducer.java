package io.stipple.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The system UTC clock. A service's own tests replace it with a {@link MutableClock}; the cross-service
 * journey tests, which run the packaged services, set {@code stipple.clock.offset-file} so that all four
 * services share one movable clock ({@link OffsetFileClock}). Production never sets it.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @ConfigProperty(name = "stipple.clock.offset-file")
    Optional<String> offsetFile;

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        if (offsetFile.isPresent() && !offsetFile.get().isBlank()) {
            LOG.warnf("clock follows the offset in %s (test clock, never for production)", offsetFile.get());
            return new OffsetFileClock(Path.of(offsetFile.get()));
        }
        return Clock.systemUTC();
    }
}
