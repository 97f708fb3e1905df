package io.stipple.booking.repository;

import java.sql.SQLException;

/** Reads the PostgreSQL SQLSTATE behind a persistence exception. */
public final class SqlState {

    /** exclusion_violation: an exclusion constraint (no overlapping bookings) refused the row. */
    public static final String EXCLUSION_VIOLATION = "23P01";
    /** unique_violation. */
    public static final String UNIQUE_VIOLATION = "23505";
    /**
     * Two writers waited on each other and PostgreSQL aborted one: for bookings, two overlapping inserts each checking
     * an exclusion constraint (technician, room) the other holds — the aborted one would have overlapped.
     */
    public static final String DEADLOCK_DETECTED = "40P01";

    private SqlState() {
    }

    /** The SQLSTATE of the first SQLException in the cause chain, or null. */
    public static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) break;
        }
        return null;
    }

    /** The constraint named in the database error, or "" (PostgreSQL reports it in the message). */
    public static String constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getConstraint() != null) {
                return p.getServerErrorMessage().getConstraint();
            }
            if (t.getCause() == t) break;
        }
        return "";
    }
}
