package io.stipple.booking;

import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.UUID;

import static io.stipple.testinfra.TestClock.CLOCK;

/**
 * The set-up the booking API tests share: the clock at Monday 7 January 2030, 08:00 UTC (London is on GMT), a fresh
 * clinic of its own for every test ({@link TestClinic}), the client-event feeder, and a probe reading what
 * booking-service publishes ({@link Events}). A {@code @QuarkusTest} extends it.
 */
public abstract class ClinicScenario {

    /** Monday 7 January 2030, 08:00 UTC. */
    public static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");

    protected static TopicProbe probe;

    @Inject
    protected ClientEventsFeeder feeder;

    protected TestClinic c;

    @BeforeAll
    static void openProbe() {
        probe = Events.bookings();
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @BeforeEach
    void freshClinic() {
        CLOCK.set(NOW);
        c = TestClinic.create();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    /** The clinic's first technician. */
    protected UUID tech() {
        return c.technicians.get(0);
    }
}
