package io.stipple.platform.work;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The statements of a leased work table (rows with a status, a due time and a lease), run as plain JDBC on their own
 * connections — the hot path of a dispatcher, kept free of ORM overhead. The table's SQL stays in its repository
 * (the service shape: queries only in {@code repository/}); this runs it the one way:
 * <ul>
 *   <li>{@link #query}: a single statement returning rows, committed on its own — the claim
 *       ({@code with due as (select … for update skip locked) update … returning …}: rows locked by another worker are
 *       skipped, not waited for) and a lease release that reports what it released;</li>
 *   <li>{@link #update}: a single statement, committed on its own (a release, an attempt mark);</li>
 *   <li>{@link #batch}: one statement per item, all in one transaction (a round's outcomes), rolled back whole on a
 *       failure.</li>
 * </ul>
 * A failed statement reaches the caller as the repository's own unchecked exception ({@code failure}), so nothing
 * outside the repository handles {@code java.sql} types.
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

    private final DataSource dataSource;
    private final Function<SQLException, ? extends RuntimeException> failure;

    public LeasedQueue(DataSource dataSource, Function<SQLException, ? extends RuntimeException> failure) {
        this.dataSource = dataSource;
        this.failure = failure;
    }

    /** Runs one statement that returns rows (a claim, a release with {@code returning}); committed on its own. */
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
