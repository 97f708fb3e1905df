package io.stipple.notification.repository;

import io.stipple.notification.domain.ClientKey;
import io.stipple.notification.domain.ClientPreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/** A client's own notification choices ({@code client_preference}), inside the caller's transaction. */
@ApplicationScoped
public class ClientPreferenceRepository {

    @Inject
    EntityManager em;

    /** This clinic's row for the client, if the client ever saved choices here. */
    public Optional<ClientPreference> find(UUID clinicId, UUID clientId) {
        return ClientPreference.findByIdOptional(new ClientKey(clinicId, clientId));
    }

    public void add(ClientPreference preference) {
        preference.persist();
    }

    /** Writes pending changes of the caller's transaction now (version checks, constraints). */
    public void flush() {
        em.flush();
    }

    /** Erasure: the clinic's row of the client goes. */
    public void deleteClient(UUID clinicId, UUID clientId) {
        em.createNativeQuery("delete from client_preference where clinic_id = :clinic and client_id = :id")
                .setParameter("clinic", clinicId).setParameter("id", clientId).executeUpdate();
    }
}
