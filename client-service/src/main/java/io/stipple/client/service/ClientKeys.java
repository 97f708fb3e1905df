package io.stipple.client.service;

import io.stipple.client.repository.ClientKeyRepository;
import io.stipple.platform.erasure.ClientErasure;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.sealing.SealedFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * The key authority for clients' sealed event fields: one random key per client, stored only here, destroyed at
 * erasure (crypto-shredding; docs/EVENTS.md). Runs in the caller's transaction, under the caller's clinic.
 */
@ApplicationScoped
public class ClientKeys {

    @Inject
    ClientKeyRepository keys;

    @Inject
    ClientErasure erasure;

    /** The client's key, made on first use (in the transaction that writes the client's first sealed event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] keyFor(UUID clinicId, UUID clientId) {
        keys.addIfAbsent(clinicId, clientId, SealedFields.newKey());
        return find(clinicId, clientId).orElseThrow(() -> new IllegalStateException("client key not stored"));
    }

    /** The client's key if it exists (not yet made, or destroyed by erasure: empty). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> find(UUID clinicId, UUID clientId) {
        return keys.find(clinicId, clientId);
    }

    /**
     * The client's key for a service that opens sealed fields: empty when there is none, 410 {@code client-erased}
     * when the client was erased (the key is destroyed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> forReader(UUID clinicId, UUID clientId) {
        Optional<byte[]> found = find(clinicId, clientId);
        if (found.isEmpty() && erasure.isErased(clinicId, clientId)) {
            throw new ProblemException(410, "client-erased", "Client erased",
                    "The client was erased; its key is destroyed and its sealed fields cannot be opened.");
        }
        return found;
    }

    /** Destroys the client's key: every sealed copy of the client's events becomes unreadable. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean destroy(UUID clinicId, UUID clientId) {
        return keys.delete(clinicId, clientId);
    }

}
