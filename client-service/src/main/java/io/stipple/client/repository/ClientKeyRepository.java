package io.stipple.client.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code client_key} table (one key per client for its sealed event fields). Runs in the caller's transaction,
 * under the caller's clinic.
 */
@ApplicationScoped
public class ClientKeyRepository {

    @Inject
    EntityManager em;

    /** Stores {@code key} as the client's key unless the client already has one. */
    public void addIfAbsent(UUID clinicId, UUID clientId, byte[] key) {
        em.createNativeQuery("""
                        insert into client_key (clinic_id, client_id, key) values (:clinic, :client, :key)
                        on conflict do nothing""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("key", key)
                .executeUpdate();
    }

    /** The client's key if it exists. */
    public Optional<byte[]> find(UUID clinicId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<byte[]> keys = em.createNativeQuery("""
                        select key from client_key where clinic_id = :clinic and client_id = :client""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .getResultList();
        return keys.stream().findFirst();
    }

    /** Deletes the client's key; true if there was one. */
    public boolean delete(UUID clinicId, UUID clientId) {
        return em.createNativeQuery("delete from client_key where clinic_id = :clinic and client_id = :client")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .executeUpdate() > 0;
    }
}
