package io.stipple.gallery.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.stipple.gallery.domain.ClientProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The clinics' profiles of their clients (keyed by clinic and client). */
@ApplicationScoped
public class ClientProfileRepository implements PanacheRepositoryBase<ClientProfile, ClientProfile.Key> {

    /** The clinic's profile of the client, if the clinic has heard of the client (tombstones included). */
    public Optional<ClientProfile> of(UUID clinicId, UUID clientId) {
        if (clinicId == null || clientId == null) {
            return Optional.empty();
        }
        return findByIdOptional(new ClientProfile.Key(clinicId, clientId));
    }

    /** The same, read with a lock ({@code PESSIMISTIC_READ} = FOR SHARE, {@code PESSIMISTIC_WRITE} = FOR UPDATE). */
    public Optional<ClientProfile> of(UUID clinicId, UUID clientId, LockModeType lock) {
        if (clinicId == null || clientId == null) {
            return Optional.empty();
        }
        return findByIdOptional(new ClientProfile.Key(clinicId, clientId), lock);
    }

    /**
     * The clinic's profile of the client, created on first sight. Race-free: the client-events and booking-events
     * consumers may both see a client first at the same moment, so the row is made with insert-if-absent.
     */
    public ClientProfile ensure(UUID clinicId, UUID clientId, Instant now) {
        getEntityManager().createNativeQuery("""
                        insert into client_profile (clinic_id, client_id, updated_at) values (:clinic, :client, :now)
                        on conflict (clinic_id, client_id) do nothing""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("now", now)
                .executeUpdate();
        return findByIdOptional(new ClientProfile.Key(clinicId, clientId)).orElseThrow();
    }

    /** Locks the profile's row until the transaction ends ({@code PESSIMISTIC_WRITE} = FOR UPDATE). */
    public void lockRow(ClientProfile profile, LockModeType mode) {
        getEntityManager().lock(profile, mode);
    }
}
