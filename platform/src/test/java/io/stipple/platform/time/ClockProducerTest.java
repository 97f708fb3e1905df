package io.stipple.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code stipple.clock.source} hook: a {@code Supplier<Clock>} named by class, from the system class path. */
class ClockProducerTest {

    static final Instant FIXED = Instant.parse("2031-05-04T09:30:00Z");

    /** What a test module puts on the class path: a supplier made only of JDK types. */
    public static final class FixedClockSource implements Supplier<Clock> {
        @Override
        public Clock get() {
            return Clock.fixed(FIXED, ZoneOffset.UTC);
        }
    }

    public static final class NotAClockSource implements Supplier<String> {
        @Override
        public String get() {
            return "noon";
        }
    }

    @Test
    void the_named_supplier_gives_the_clock() {
        Clock clock = ClockProducer.fromSource(FixedClockSource.class.getName());

        assertThat(clock.instant()).isEqualTo(FIXED);
    }

    @Test
    void without_a_source_the_clock_is_the_system_utc_clock() {
        ClockProducer producer = new ClockProducer();
        producer.source = java.util.Optional.empty();

        assertThat(producer.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void a_configured_source_replaces_the_system_clock() {
        ClockProducer producer = new ClockProducer();
        producer.source = java.util.Optional.of(" " + FixedClockSource.class.getName() + " ");

        assertThat(producer.clock().instant()).isEqualTo(FIXED);
    }

    @Test
    void a_missing_class_or_a_wrong_type_stops_the_start() {
        assertThatThrownBy(() -> ClockProducer.fromSource("io.stipple.nowhere.Clocks"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("io.stipple.nowhere.Clocks");
        assertThatThrownBy(() -> ClockProducer.fromSource(NotAClockSource.class.getName()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not supply a java.time.Clock");
        assertThatThrownBy(() -> ClockProducer.fromSource(String.class.getName()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a Supplier<Clock>");
    }
}
