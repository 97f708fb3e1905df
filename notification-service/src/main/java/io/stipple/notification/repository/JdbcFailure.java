package io.stipple.notification.repository;

import java.sql.SQLException;

/**
 * A plain-JDBC statement of a repository failed. Unchecked, so that nothing outside {@code repository} handles
 * {@code java.sql} types; the {@link SQLException} is the cause, unchanged.
 */
public class JdbcFailure extends RuntimeException {

    JdbcFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
