package io.stipple.platform.inbox;

import io.stipple.platform.events.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private Attempts attempts(boolean hold) {
        return new Attempts(3, Duration.ofMillis(200), Duration.ofSeconds(15), hold, nanos::get);
    }

    private void elapse(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static RuntimeException databaseAway() {
        return new IllegalStateException("the database went away", new SQLException("I/O error", "08006"));
    }

    private static NotYetApplicableException clientUnknown() {
        return new NotYetApplicableException("client c1 unknown in clinic k1", Duration.ofMinutes(5));
    }

    @Test
    void a_not_yet_applicable_event_is_held_with_capped_backoff_until_its_hold_ends_then_given_up_with_the_reason() {
        Attempts a = attempts(true);
        Duration waited = Duration.ZERO;
        Attempts.Verdict v = a.failed(clientUnknown());
        int holds = 0;
        while (v.kind() == Attempts.Kind.HOLD_NOT_YET) {
            holds++;
            assertThat(v.expectedHold()).isEqualTo(Duration.ofMinutes(5));
            assertThat(v.pause()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(15));
            // never pauses past the end of the hold: the last attempt is made at its end
            assertThat(waited.plus(v.pause())).isLessThanOrEqualTo(Duration.ofMinutes(5));
            elapse(v.pause());
            waited = waited.plus(v.pause());
            v = a.failed(clientUnknown());
        }
        assertThat(holds).isGreaterThan(20); // held for five minutes, not three attempts
        assertThat(waited).isEqualTo(Duration.ofMinutes(5));
        assertThat(a.held()).isTrue();
        assertThat(v.kind()).isEqualTo(Attempts.Kind.GIVE_UP);
        assertThat(v.failure()).isInstanceOf(NotYetApplicableException.Expired.class)
                .hasMessage("client c1 unknown in clinic k1 after PT5M");
        assertThat(Failures.isTransient(v.failure())).isFalse();
    }

    @Test
    void the_hold_counts_from_the_first_time_the_event_was_not_yet_applicable_not_from_an_earlier_transient_failure() {
        Attempts a = attempts(true);
        assertThat(a.failed(databaseAway()).kind()).isEqualTo(Attempts.Kind.HOLD_TRANSIENT);
        elapse(Duration.ofMinutes(10)); // the database was away for ten minutes
        Attempts.Verdict v = a.failed(clientUnknown());
        assertThat(v.kind()).isEqualTo(Attempts.Kind.HOLD_NOT_YET);
        assertThat(v.expectedHold()).isEqualTo(Duration.ofMinutes(15)); // held ten minutes already, five more by design
        elapse(Duration.ofMinutes(4));
        assertThat(a.failed(clientUnknown()).kind()).isEqualTo(Attempts.Kind.HOLD_NOT_YET);
        elapse(Duration.ofMinutes(1));
        assertThat(a.failed(clientUnknown()).kind()).isEqualTo(Attempts.Kind.GIVE_UP);
    }

    @Test
    void a_replay_does_not_hold_a_not_yet_applicable_event_it_fails_at_once_with_the_reason() {
        Attempts.Verdict v = attempts(false).failed(new RuntimeException("wrapped", clientUnknown()));
        assertThat(v.kind()).isEqualTo(Attempts.Kind.GIVE_UP);
        assertThat(v.failure()).isInstanceOf(NotYetApplicableException.class).hasMessage("client c1 unknown in clinic k1");
    }

    @Test
    void a_transient_failure_is_held_for_as_long_as_it_lasts_and_a_replay_gives_it_up_after_the_attempts() {
        Attempts live = attempts(true);
        for (int i = 0; i < 1000; i++) {
            Attempts.Verdict v = live.failed(databaseAway());
            assertThat(v.kind()).isEqualTo(Attempts.Kind.HOLD_TRANSIENT);
            assertThat(v.pause()).isLessThanOrEqualTo(Duration.ofSeconds(15));
            elapse(v.pause());
        }
        Attempts replay = attempts(false);
        assertThat(replay.failed(databaseAway()).kind()).isEqualTo(Attempts.Kind.RETRY);
        assertThat(replay.failed(databaseAway()).kind()).isEqualTo(Attempts.Kind.RETRY);
        assertThat(replay.failed(databaseAway()).kind()).isEqualTo(Attempts.Kind.GIVE_UP);
    }

    @Test
    void a_deterministic_failure_is_given_up_after_the_attempts_and_an_invalid_event_at_once() {
        Attempts a = attempts(true);
        Attempts.Verdict first = a.failed(new IllegalArgumentException("a bug"));
        assertThat(first.kind()).isEqualTo(Attempts.Kind.RETRY);
        assertThat(first.pause()).isEqualTo(Duration.ofMillis(200));
        assertThat(a.failed(new IllegalArgumentException("a bug")).pause()).isEqualTo(Duration.ofMillis(400));
        assertThat(a.failed(new IllegalArgumentException("a bug")).kind()).isEqualTo(Attempts.Kind.GIVE_UP);
        assertThat(a.held()).isFalse();
        assertThat(attempts(true).failed(new InvalidEventException("off contract")).kind()).isEqualTo(Attempts.Kind.GIVE_UP);
    }

    @Test
    void a_hold_of_zero_gives_up_at_the_first_failure() {
        Attempts.Verdict v = attempts(true).failed(new NotYetApplicableException("x unknown", Duration.ZERO));
        assertThat(v.kind()).isEqualTo(Attempts.Kind.GIVE_UP);
        assertThat(v.failure()).hasMessage("x unknown after PT0S");
    }
}
