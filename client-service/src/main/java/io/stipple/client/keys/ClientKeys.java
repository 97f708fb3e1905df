package io.stipple.client.keys;

import io.stipple.platform.sealing.SealedFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The key authority for clients' sealed event fields: one random key per client, stored only here, destroyed at
 * erasure (crypto-shredding; docs/EVENTS.md). Runs in the caller's transaction, under the caller's clinic.
 */
@ApplicationScoped
public class ClientKeys {

    @Inject
    EntityManager em;

    /** The client's key, made on first use (in the transaction that writes the client's first sealed event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] keyFor(UUID clinicId, UUID clientId) {
        em.createNativeQuery("""
                        insert into client_key (clinic_id, client_id, key) values (:clinic, :client, :key)
                        on conflict do nothing""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("key", SealedFields.newKey())
                .executeUpdate();
        return find(clinicId, clientId).orElseThrow(() -> new IllegalStateException("client key not stored"));
    }

    /** The client's key if it exists (not yet made, or destroyed by erasure: empty). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> find(UUID clinicId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<byte[]> keys = em.createNativeQuery("""
                        select key from client_key where clinic_id = :clinic and client_id = :client""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .getResultList();
        return keys.stream().findFirst();
    }

    /** Destroys the client's key: every sealed copy of the client's events becomes unreadable. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean destroy(UUID clinicId, UUID clientId) {
        return em.createNativeQuery("delete from client_key where clinic_id = :clinic and client_id = :client")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .executeUpdate() > 0;
    }

    /** True when the client was erased in this clinic (the platform's erased-subject record). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erased(UUID clinicId, UUID clientId) {
        return !em.createNativeQuery("select 1 from erased_subject where clinic_id = :clinic and subject = :subject")
                .setParameter("clinic", clinicId)
                .setParameter("subject", clientId.toString())
                .getResultList().isEmpty();
    }
}
