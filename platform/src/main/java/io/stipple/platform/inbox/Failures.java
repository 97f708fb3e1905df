package io.stipple.platform.inbox;

import io.stipple.platform.events.InvalidEventException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failure to apply an event into the two kinds the inbox treats differently.
 *
 * <ul>
 *     <li><b>Transient</b>: the world, not the event, is at fault: the database is restarting, failing over,
 *     unreachable or out of connections; a deadlock, a serialization failure, a lock or statement timeout. The same
 *     event will apply once it passes, so the inbox retries it for as long as it takes.</li>
 *     <li><b>Deterministic</b>: anything else. Retrying the same event against the same code gives the same answer
 *     (unparseable, off contract, refused by a rule, a bug), so after a few attempts it goes to the dead-letter
 *     topic, from where it can be replayed once the cause is fixed.</li>
 * </ul>
 */
public final class Failures {

    /**
     * SQLSTATE classes and codes that describe the database's state, not the statement: connection exceptions
     * (08), transaction rollbacks such as serialization failures and deadlocks (40), insufficient resources (53),
     * operator intervention such as admin or crash shutdown and "cannot connect now" (57), system errors (58),
     * lock-not-available (55P03), query cancelled by a statement timeout (57014 is in 57) and a read-only
     * transaction during a failover (25006).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "25006");

    private Failures() {
    }

    /** True when retrying the same event later can succeed without anyone changing anything. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException) {
                return false;
            }
            if (t instanceof TransientFailureException) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null) {
                    // the pool's own failures (no connection could be acquired in time) carry no SQLSTATE
                    if (isPoolExhaustion(sql)) {
                        return true;
                    }
                } else if (state.length() == 5 && (TRANSIENT_CLASSES.contains(state.substring(0, 2))
                        || TRANSIENT_STATES.contains(state))) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.hibernate.exception.LockAcquisitionException")
                    || name.equals("org.hibernate.PessimisticLockException")
                    || name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("jakarta.persistence.PessimisticLockException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")
                    || name.equals("org.hibernate.QueryTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPoolExhaustion(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return message.contains("acquisition timeout") || message.contains("unable to acquire");
    }
}
