package io.stipple.platform.work;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.platform.PlatformTestInfra;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claim frame, the single statements and the batched outcomes of {@link LeasedQueue} over real PostgreSQL. */
@QuarkusTest
class LeasedQueueIT {

    /** A test's own failure type, to show the queue hands SQL failures over as the caller's exception. */
    static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause);
        }
    }

    private static final LeasedQueue.Claiming CLAIM = new LeasedQueue.Claiming("work_item", "DUE",
            "claimed_by = claim.claimant", "", "", "w.id, w.attempts, w.claimed_until, w.claimed_by");

    record Claimed(UUID id, int attempts, Instant until, String by) {
    }

    @Inject
    DataSource dataSource;

    private static final UUID CLINIC = UUID.fromString(PlatformTestInfra.CLINIC_A);

    private LeasedQueue queue;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** Runs a test's steps the way the dispatchers run theirs: on the named path across clinics. */
    private static void acrossClinics(Runnable steps) {
        Tenancy.acrossClinics("test: leased queue", steps);
    }

    @BeforeEach
    void clean() {
        queue = new LeasedQueue(dataSource, Failed::new);
        acrossClinics(() -> queue.update("delete from work_item", (c, s) -> {
        }));
    }

    private UUID item(String status, Instant nextAttemptAt) {
        UUID id = UUID.randomUUID();
        queue.update("insert into work_item (id, clinic_id, status, next_attempt_at) values (?, ?, ?, ?)", (c, s) -> {
            s.setObject(1, id);
            s.setObject(2, CLINIC);
            s.setString(3, status);
            s.setTimestamp(4, LeasedQueue.timestamp(nextAttemptAt));
        });
        return id;
    }

    private List<Claimed> claim(Claim claim, int batch) {
        return queue.claim(CLAIM, claim, batch, rs -> new Claimed(rs.getObject(1, UUID.class), rs.getInt(2),
                rs.getTimestamp(3).toInstant(), rs.getString(4)));
    }

    private String status(UUID id) {
        return queue.query("select status from work_item where id = ?", (c, s) -> s.setObject(1, id), rs -> rs.getString(1))
                .get(0);
    }

    @Test
    void claims_the_earliest_due_rows_under_the_lease_with_one_more_attempt() {
        acrossClinics(() -> {
        UUID second = item("DUE", now.minusSeconds(20));
        UUID first = item("DUE", now.minusSeconds(30));
        UUID third = item("DUE", now.minusSeconds(10));
        UUID notDue = item("DUE", now.plusSeconds(60));
        UUID otherStatus = item("LATER", now.minusSeconds(60));

        Claim claim = Claim.of(now, Duration.ofMinutes(2));
        List<Claimed> claimed = claim(claim, 2);

        assertThat(claimed).extracting(Claimed::id).containsExactlyInAnyOrder(first, second);
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.until()).isEqualTo(now.plus(Duration.ofMinutes(2)));
            assertThat(c.by()).isEqualTo(claim.claimant());
        });
        assertThat(status(first)).isEqualTo("SENDING");
        assertThat(status(third)).isEqualTo("DUE");
        assertThat(status(notDue)).isEqualTo("DUE");
        assertThat(status(otherStatus)).isEqualTo("LATER");
        // claimed rows are not claimed again
        assertThat(claim(Claim.of(now, Duration.ofMinutes(2)), 10)).extracting(Claimed::id).containsExactly(third);
        });
    }

    @Test
    void a_claim_sets_the_due_lag_gauge_to_how_overdue_its_oldest_row_was() {
        acrossClinics(() -> {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        LeasedQueue measured = new LeasedQueue(dataSource, Failed::new, meters);
        item("DUE", now.minusSeconds(90));
        item("DUE", now.minusSeconds(30));
        measured.claim(CLAIM, Claim.of(now, Duration.ofMinutes(2)), 10, rs -> rs.getObject(1, UUID.class));
        assertThat(meters.get("stipple.work.due.lag.seconds").tag("table", "work_item").gauge().value()).isEqualTo(90.0);
        // nothing due: no lag
        measured.claim(CLAIM, Claim.of(now, Duration.ofMinutes(2)), 10, rs -> rs.getObject(1, UUID.class));
        assertThat(meters.get("stipple.work.due.lag.seconds").tag("table", "work_item").gauge().value()).isZero();
        });
    }

    @Test
    void rows_locked_by_another_worker_are_skipped_not_waited_for() {
        acrossClinics(() -> {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) ids.add(item("DUE", now.minusSeconds(60 - i)));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select id from work_item where id = any (?) for update")) {
                lock.setArray(1, other.createArrayOf("uuid", ids.subList(0, 3).toArray()));
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        // rows held by the other transaction until it ends
                    }
                }
            }
            long started = System.nanoTime();
            List<Claimed> claimed = claim(Claim.of(now, Duration.ofMinutes(2)), 10);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(claimed).extracting(Claimed::id).containsExactlyInAnyOrderElementsOf(ids.subList(3, 6));
            other.rollback();
        } catch (SQLException e) {
            throw new Failed(e);
        }
        assertThat(claim(Claim.of(now, Duration.ofMinutes(2)), 10)).extracting(Claimed::id)
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        });
    }

    @Test
    void a_batch_is_written_whole_or_not_at_all_and_failures_are_the_callers_type() {
        acrossClinics(() -> {
        UUID a = item("SENDING", now);
        UUID b = item("SENDING", now);
        String update = "update work_item set status = ?, claimed_until = null where id = ?";
        record Outcome(UUID id, String status) {
        }

        assertThatThrownBy(() -> queue.batch(update, List.of(new Outcome(a, "DONE"), new Outcome(b, "NO-SUCH-STATUS")),
                (s, o) -> {
                    s.setString(1, o.status());
                    s.setObject(2, o.id());
                })).isInstanceOf(Failed.class).hasCauseInstanceOf(SQLException.class);
        assertThat(status(a)).isEqualTo("SENDING");
        assertThat(status(b)).isEqualTo("SENDING");

        queue.batch(update, List.of(new Outcome(a, "DONE"), new Outcome(b, "DUE")), (s, o) -> {
            s.setString(1, o.status());
            s.setObject(2, o.id());
        });
        assertThat(status(a)).isEqualTo("DONE");
        assertThat(status(b)).isEqualTo("DUE");
        });
    }

    @Test
    void an_expired_lease_is_released_by_a_single_statement() {
        acrossClinics(() -> {
        UUID id = item("DUE", now.minusSeconds(600));
        claim(Claim.of(now.minusSeconds(300), Duration.ofMinutes(2)), 10); // claimed 5 minutes ago for 2 minutes
        int released = queue.update("update work_item set status = 'DUE', claimed_until = null "
                + "where status = 'SENDING' and claimed_until < ?", (c, s) -> s.setTimestamp(1, LeasedQueue.timestamp(now)));
        assertThat(released).isEqualTo(1);
        assertThat(status(id)).isEqualTo("DUE");
        });
    }
}
