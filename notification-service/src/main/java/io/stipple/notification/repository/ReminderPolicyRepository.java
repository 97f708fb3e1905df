package io.stipple.notification.repository;

import io.stipple.notification.domain.ReminderPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reminder policies: each clinic's own ({@code reminder_policy}) and the one default ({@code reminder_policy_default}). */
@ApplicationScoped
public class ReminderPolicyRepository {

    @Inject
    EntityManager em;

    /** The default policy row (table reminder_policy_default: global, no clinic's data). */
    public record DefaultPolicy(String document, Instant updatedAt, String updatedBy) {
    }

    /** The clinic's own policy, if an admin saved one. */
    public Optional<ReminderPolicy> find(UUID clinicId) {
        return ReminderPolicy.findByIdOptional(clinicId);
    }

    public void add(ReminderPolicy policy) {
        policy.persist();
    }

    /** Writes pending changes of the caller's transaction now (version checks, constraints). */
    public void flush() {
        em.flush();
    }

    public DefaultPolicy defaultPolicy() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select cast(document as text), updated_at, updated_by from reminder_policy_default where id = 1").getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("the default reminder policy row is missing (migrations V1, V2)");
        }
        Object[] row = rows.get(0);
        return new DefaultPolicy((String) row[0], toInstant(row[1]), (String) row[2]);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) return instant;
        if (value instanceof java.time.OffsetDateTime odt) return odt.toInstant();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
