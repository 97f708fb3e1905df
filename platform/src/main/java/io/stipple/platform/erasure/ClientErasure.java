package io.stipple.platform.erasure;

import io.stipple.platform.partner.PartnerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the platform's own tables must forget when a client is erased, in every service: call
 * {@link #forgetClient} from the service's erasure (client-service's delete, the others' ClientErased handler), in
 * the same transaction.
 *
 * <ul>
 *     <li>the outbox rows about the client that are already published or parked (an unpublished row is still sent,
 *     then deleted by the relay at once: the client is recorded in {@code erased_subject});</li>
 *     <li>the kept responses of Idempotency-Key requests that name the client (a booking's notes, a photo's
 *     metadata) — a retry with such a key is then treated as new;</li>
 *     <li>whom the client shared with (the partner projection).</li>
 * </ul>
 * The inbox keeps event ids only, nothing personal.
 */
@ApplicationScoped
public class ClientErasure {

    @Inject
    EntityManager em;

    @Inject
    PartnerDirectory partners;

    /** What was forgotten, for the service's log. */
    public record Forgotten(int outboxRows, int idempotencyRecords) {
    }

    /** True when {@link #forgetClient} recorded the client as erased in this clinic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isErased(UUID clinicId, UUID clientId) {
        return !em.createNativeQuery("select 1 from erased_subject where clinic_id = :clinic and subject = :subject")
                .setParameter("clinic", clinicId)
                .setParameter("subject", clientId.toString())
                .getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Forgotten forgetClient(UUID clinicId, UUID clientId) {
        String subject = clientId.toString();
        em.createNativeQuery("""
                        insert into erased_subject (clinic_id, subject) values (:clinic, :subject)
                        on conflict do nothing""")
                .setParameter("clinic", clinicId)
                .setParameter("subject", subject)
                .executeUpdate();
        int outbox = em.createNativeQuery("""
                        delete from outbox_event
                        where clinic_id = :clinic and message_key = :subject
                          and (published_at is not null or parked_at is not null)""")
                .setParameter("clinic", clinicId)
                .setParameter("subject", subject)
                .executeUpdate();
        int idempotency = em.createNativeQuery("""
                        delete from idempotency_record
                        where clinic_id = :clinic and body is not null and position(:needle in body) > 0""")
                .setParameter("clinic", clinicId)
                .setParameter("needle", subject.getBytes(StandardCharsets.UTF_8))
                .executeUpdate();
        partners.forgetClient(clinicId, clientId);
        return new Forgotten(outbox, idempotency);
    }
}
