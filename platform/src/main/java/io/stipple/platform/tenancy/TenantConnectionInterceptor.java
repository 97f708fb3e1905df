package io.stipple.platform.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells PostgreSQL which clinic the connection works for, every time the pool hands a connection out, and
 * forgets it when the connection comes back. Under JTA a connection is handed out once per transaction and
 * returned when it completes, so the setting lives exactly as long as the unit of work. It is a session
 * setting (not {@code set_config(..., true)}): a connection handed out for auto-commit work would otherwise lose
 * it after the first statement; the reset on return is what keeps it from leaking to the next borrower, and a
 * connection that cannot be reset is not reused.
 *
 * <p>The scope is the thread's {@link Tenancy} binding, else the clinic of the request's verified token, else
 * none (every protected table looks empty).
 */
@ApplicationScoped
public class TenantConnectionInterceptor implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(TenantConnectionInterceptor.class);

    static final String APPLY = "select set_config('stipple.clinic_id', ?, false), "
            + "set_config('stipple.all_clinics', ?, false), set_config('stipple.purpose', ?, false)";

    @Override
    public void onConnectionAcquire(Connection connection) {
        Tenancy.Scope scope = currentScope();
        try {
            set(connection, scope);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the clinic on a database connection", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            set(connection, Tenancy.Scope.NONE);
        } catch (SQLException e) {
            LOG.warnf("could not clear the clinic on a returned connection; closing it: %s", e.getMessage());
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    /** The scope for work on this thread now. */
    public static Tenancy.Scope currentScope() {
        Optional<Tenancy.Scope> bound = Tenancy.bound();
        if (bound.isPresent()) {
            return bound.get();
        }
        return requestClinic().map(clinic -> new Tenancy.Scope(clinic, null)).orElse(Tenancy.Scope.NONE);
    }

    private static Optional<UUID> requestClinic() {
        if (Arc.container() == null) {
            return Optional.empty();
        }
        ManagedContext request = Arc.container().requestContext();
        if (request == null || !request.isActive()) {
            return Optional.empty();
        }
        try {
            return Arc.container().instance(Caller.class).get().clinicIdIfPresent();
        } catch (RuntimeException e) {
            // an unverifiable token reaches no clinic; the endpoint itself answers 401
            return Optional.empty();
        }
    }

    private static void set(Connection connection, Tenancy.Scope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
            statement.setString(1, scope.clinicId() == null ? "" : scope.clinicId().toString());
            statement.setString(2, scope.acrossClinics() ? "on" : "");
            statement.setString(3, scope.acrossClinics() ? scope.crossClinicPurpose() : "");
            statement.execute();
        }
    }
}
