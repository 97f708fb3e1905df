package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientPreference;
import io.stipple.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's notification choices. Version 0 means "never saved" (defaults: nothing opted out, tips on);
 * the dispatcher reads them at send time, so a change applies to reminders already scheduled.
 */
@ApplicationScoped
@Transactional
public class PreferenceService {

    /** The choices and the version to send back in If-Match. */
    public record Preferences(UUID clientId, List<Channel> optedOut, boolean maintenanceTips, long version) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ContactService contacts;

    /** Empty when this clinic knows nothing of the client. */
    public Optional<Preferences> get(UUID clinicId, UUID clientId) {
        ClientPreference preference = ClientPreference.findById(clientId);
        if (preference != null) {
            return preference.clinicId.equals(clinicId) ? Optional.of(view(preference)) : Optional.empty();
        }
        if (!knows(clinicId, clientId)) return Optional.empty();
        return Optional.of(new Preferences(clientId, List.of(), true, 0));
    }

    public Optional<Preferences> replace(UUID clinicId, UUID clientId, long expectedVersion, List<Channel> optedOut,
                                         boolean maintenanceTips) {
        ClientPreference preference = ClientPreference.findById(clientId);
        if (preference == null) {
            if (!knows(clinicId, clientId)) return Optional.empty();
            ETags.checkCurrent(expectedVersion, 0);
            preference = new ClientPreference();
            preference.clientId = clientId;
            preference.clinicId = clinicId;
            apply(preference, optedOut, maintenanceTips);
            preference.persist();
            em.flush();
            return Optional.of(view(preference));
        }
        if (!preference.clinicId.equals(clinicId)) return Optional.empty();
        ETags.checkCurrent(expectedVersion, preference.version + 1);
        apply(preference, optedOut, maintenanceTips);
        em.flush();
        return Optional.of(view(preference));
    }

    private void apply(ClientPreference preference, List<Channel> optedOut, boolean maintenanceTips) {
        preference.optedOutChannels = Channel.toCsv(optedOut);
        preference.maintenanceTips = maintenanceTips;
        preference.updatedAt = Instant.now(clock);
    }

    /** The clinic has heard of the client: contact details or a booking. */
    private boolean knows(UUID clinicId, UUID clientId) {
        if (contacts.isErased(clientId)) return false;
        return !em.createNativeQuery("""
                        select 1 from client_contact where client_id = :client and clinic_id = :clinic
                        union all select 1 from booking where client_id = :client and clinic_id = :clinic limit 1""")
                .setParameter("client", clientId).setParameter("clinic", clinicId).getResultList().isEmpty();
    }

    /** ETag version: 0 = never saved, so a saved row counts from 1. */
    private static Preferences view(ClientPreference preference) {
        return new Preferences(preference.clientId, preference.optedOut(), preference.maintenanceTips, preference.version + 1);
    }
}
