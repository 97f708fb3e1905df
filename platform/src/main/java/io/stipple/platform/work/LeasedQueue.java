package io.stipple.platform.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The statements of a leased work table (rows with a status, a due time and a lease), run as plain JDBC on their own
 * connections — the hot path of a dispatcher, kept free of ORM overhead. The table's SQL stays in its repository
 * (the service shape: queries only in {@code repository/}); this runs it the one way:
 * <ul>
 *   <li>{@link #claim}: the one claim statement of every leased table, framed here (see {@link Claiming}): due rows
 *       are selected {@code FOR UPDATE SKIP LOCKED} (rows another worker is claiming are skipped, not waited for) and
 *       marked {@code SENDING} under the {@link Claim}'s lease, with one more attempt, in one statement;</li>
 *   <li>{@link #query}: a single statement returning rows, committed on its own (a lease release that reports what it
 *       released);</li>
 *   <li>{@link #update}: a single statement, committed on its own (a release, an attempt mark);</li>
 *   <li>{@link #batch}: one statement per item, all in one transaction (a round's outcomes), rolled back whole on a
 *       failure.</li>
 * </ul>
 * A failed statement reaches the caller as the repository's own unchecked exception ({@code failure}), so nothing
 * outside the repository handles {@code java.sql} types.
 *
 * <p>With a {@link MeterRegistry}, every claim sets the gauge {@code stipple_work_due_lag_seconds{table}}: how late the
 * most overdue row it claimed was (its {@code next_attempt_at} to the claim's time; 0 when nothing was due). Claims take
 * the oldest due rows first, so a backlog shows as a lag that grows from round to round.
 */
public final class LeasedQueue {

    /** Sets a statement's parameters (the connection is there for {@code createArrayOf}). */
    @FunctionalInterface
    public interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    /** Reads one returned row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Sets a batched statement's parameters for one item. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /**
     * What the claim of one leased table adds to the frame. The table has {@code id}, {@code status},
     * {@code next_attempt_at}, {@code claimed_until}, {@code attempts} and {@code last_attempt_at}; the frame is
     * <pre>
     * with claim as (select ? as at, ? as until, ? as claimant),
     *      due as (select id from TABLE where status = 'DUE' and next_attempt_at &lt;= (select at from claim)
     *              order by next_attempt_at limit ? for update skip locked)
     * update TABLE w set status = 'SENDING', claimed_until = claim.until, attempts = w.attempts + 1,
     *                    last_attempt_at = claim.at[, ALSO_SET]
     *   from due, claim[, JOIN] where w.id = due.id[ and JOIN_ON] returning RETURNING, w.next_attempt_at
     * </pre>
     * (the last column, the row's due time, is the frame's: the due-lag gauge).
     * so {@code alsoSet}, {@code joinOn} and {@code returning} may name the claimed row as {@code w}, and
     * {@code claim.at}, {@code claim.until}, {@code claim.claimant}.
     *
     * @param table     the table
     * @param dueStatus the status of rows waiting to be claimed
     * @param alsoSet   more assignments, or empty
     * @param join      another table to read (e.g. {@code webhook_subscription s}), or empty
     * @param joinOn    the join's condition, or empty
     * @param returning what each claimed row returns
     */
    public record Claiming(String table, String dueStatus, String alsoSet, String join, String joinOn, String returning) {

        /** The claim statement. */
        public String sql() {
            return """
                    with claim as (select cast(? as timestamptz) as at, cast(? as timestamptz) as until, cast(? as text) as claimant),
                         due as (select id from %1$s
                                  where status = '%2$s' and next_attempt_at <= (select at from claim)
                                  order by next_attempt_at
                                  limit ?
                                  for update skip locked)
                    update %1$s w
                       set status = 'SENDING', claimed_until = claim.until, attempts = w.attempts + 1, last_attempt_at = claim.at%3$s
                      from due, claim%4$s
                     where w.id = due.id%5$s
                    returning %6$s, w.next_attempt_at""".formatted(table, dueStatus, alsoSet.isBlank() ? "" : ", " + alsoSet,
                    join.isBlank() ? "" : ", " + join, joinOn.isBlank() ? "" : " and " + joinOn, returning);
        }
    }

    private final DataSource dataSource;
    private final Function<SQLException, ? extends RuntimeException> failure;

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> dueLagMillis = new ConcurrentHashMap<>();

    public LeasedQueue(DataSource dataSource, Function<SQLException, ? extends RuntimeException> failure) {
        this(dataSource, failure, null);
    }

    /** A queue whose claims set the due-lag gauge of their table in {@code meters}. */
    public LeasedQueue(DataSource dataSource, Function<SQLException, ? extends RuntimeException> failure,
                       MeterRegistry meters) {
        this.dataSource = dataSource;
        this.failure = failure;
        this.meters = meters;
    }

    /**
     * Claims at most {@code batchSize} due rows of the table under {@code claim}, in one statement committed on its
     * own; returns them as {@code row} reads them.
     */
    public <T> List<T> claim(Claiming claiming, Claim claim, int batchSize, Row<T> row) {
        Instant[] mostOverdue = {null};
        List<T> claimed = query(claiming.sql(), (connection, statement) -> {
            statement.setTimestamp(1, timestamp(claim.at()));
            statement.setTimestamp(2, timestamp(claim.until()));
            statement.setString(3, claim.claimant());
            statement.setInt(4, batchSize);
        }, rs -> {
            Timestamp due = rs.getTimestamp(rs.getMetaData().getColumnCount());
            if (due != null && (mostOverdue[0] == null || due.toInstant().isBefore(mostOverdue[0]))) {
                mostOverdue[0] = due.toInstant();
            }
            return row.read(rs);
        });
        if (meters != null) {
            long lag = mostOverdue[0] == null ? 0 : Math.max(0, Duration.between(mostOverdue[0], claim.at()).toMillis());
            dueLagMillis.computeIfAbsent(claiming.table(), table -> meters.gauge("stipple.work.due.lag.seconds",
                    Tags.of("table", table), new AtomicLong(), v -> v.get() / 1000.0)).set(lag);
        }
        return claimed;
    }

    /** Runs one statement that returns rows (e.g. a release with {@code returning}); committed on its own. */
    public <T> List<T> query(String sql, Binder binder, Row<T> row) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) rows.add(row.read(rs));
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
        return rows;
    }

    /** Runs one statement; committed on its own. Returns the count of rows it changed. */
    public int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** Runs the statement once per item, batched, all in one transaction (nothing written if one fails). */
    public <T> void batch(String sql, List<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) return;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(statement, item);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** {@code null} for {@code null}, else the instant as a JDBC timestamp. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
