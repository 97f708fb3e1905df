package io.stipple.platform.inbox;

import io.stipple.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps a projection from going backwards. A projection of a fact (a consent of one scope, a contact record) asks
 * {@link #advance} before applying an event about it: true when the event is newer than anything it applied for that
 * fact of that subject (by the publisher's {@code subjectsequence}), false when it is older and must be ignored — a
 * redelivered or replayed grant cannot undo a later withdrawal. Events without a number (published before numbering
 * existed) always advance.
 *
 * <p>Call it inside the inbox transaction, in the handler, so the position and the effect commit together.
 */
@ApplicationScoped
public class ProjectionGuard {

    @Inject
    EntityManager em;

    /**
     * Records the event as the latest applied for {@code aspect} of its subject, if it is newer.
     *
     * @param aspect what the projection keeps about the subject, e.g. {@code "consent:MARKETING"}
     * @return true to apply the event, false to ignore it (an older one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advance(String aspect, EventEnvelope event) {
        if (event.subjectsequence() == null || event.subject() == null) {
            return true;
        }
        return em.createNativeQuery("""
                        insert into projection_position (clinic_id, aspect, source, subject, sequence)
                        values (:clinic, :aspect, :source, :subject, :sequence)
                        on conflict (clinic_id, aspect, source, subject) do update set sequence = excluded.sequence
                            where projection_position.sequence < excluded.sequence""")
                .setParameter("clinic", event.clinicid())
                .setParameter("aspect", aspect)
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("sequence", event.subjectsequence())
                .executeUpdate() == 1;
    }
}
