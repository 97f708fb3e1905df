package io.stipple.platform.work;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void doubles_from_the_base_after_each_failure_and_stops_at_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(960));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(30)); // 1920 s, capped
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(30)); // no overflow
    }

    @Test
    void no_attempt_yet_counts_as_the_first() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(15));
        assertThat(backoff.after(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(-3)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_cap_below_the_base_wins() {
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(4)).after(1)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void constant_never_grows() {
        Backoff every = Backoff.constant(Duration.ofMillis(500));
        assertThat(every.after(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(every.after(9)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void negative_durations_are_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
