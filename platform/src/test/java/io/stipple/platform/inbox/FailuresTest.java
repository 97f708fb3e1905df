package io.stipple.platform.inbox;

import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        // as Hibernate and Narayana hand it up: a few layers deep
        return new IllegalStateException("transaction failed", new RuntimeException("could not execute", cause));
    }

    @Test
    void the_database_away_restarting_or_contended_is_transient() {
        assertThat(Failures.isTransient(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("the database system is starting up", "57P03")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("could not serialize access", "40001")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("too many connections", "53300")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("could not obtain lock", "55P03")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("read-only transaction (failover)", "25006")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new ConnectException("Connection refused")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new TransientFailureException("object store: SlowDown", null)))).isTrue();
    }

    @Test
    void what_the_event_or_the_code_gets_wrong_is_deterministic() {
        assertThat(Failures.isTransient(new InvalidEventException("clinicid is missing"))).isFalse();
        assertThat(Failures.isTransient(wrapped(new InvalidEventException("data does not match")))).isFalse();
        assertThat(Failures.isTransient(ProblemException.unprocessable("unknown-client", "no such client"))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("new row violates row-level security policy", "42501")))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("quantity 666 cannot be applied"))).isFalse();
    }
}
