package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientPreference;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.stipple.notification.repository.ClientPreferenceRepository;
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

    /** New choices, replacing the old ones: channels opted out of, maintenance tips on or off. */
    public record Choices(List<Channel> optedOut, boolean maintenanceTips) {
    }

    /** The choices and the version to send back in If-Match. */
    public record Preferences(UUID clientId, List<Channel> optedOut, boolean maintenanceTips, long version) {
    }

    @Inject
    ClientPreferenceRepository preferences;

    @Inject
    Clock clock;

    @Inject
    ContactService contacts;

    /** Empty when this clinic does not know the client (no ClientRegistered of this clinic, or erased). */
    public Optional<Preferences> get(UUID clinicId, UUID clientId) {
        if (!contacts.knows(clinicId, clientId)) return Optional.empty();
        return Optional.of(preferences.find(clinicId, clientId).map(PreferenceService::view)
                .orElseGet(() -> new Preferences(clientId, List.of(), true, 0)));
    }

    /**
     * Replaces the clinic's copy of the client's choices. A client the clinic does not know is refused (422
     * {@code unknown-client}): a clinic can only ever write preferences of its own clients.
     */
    public Preferences replace(UUID clinicId, UUID clientId, long expectedVersion, Choices choices) {
        if (!contacts.knows(clinicId, clientId)) {
            throw ProblemException.unprocessable("unknown-client", "This clinic has no client with this id")
                    .with("clientId", clientId.toString());
        }
        ClientPreference preference = preferences.find(clinicId, clientId).orElse(null);
        if (preference == null) {
            ETags.checkCurrent(expectedVersion, 0);
            preference = new ClientPreference();
            preference.clinicId = clinicId;
            preference.clientId = clientId;
            apply(preference, choices);
            preferences.add(preference);
            preferences.flush();
            return view(preference);
        }
        ETags.checkCurrent(expectedVersion, preference.version + 1);
        apply(preference, choices);
        preferences.flush();
        return view(preference);
    }

    private void apply(ClientPreference preference, Choices choices) {
        preference.optedOutChannels = Channel.ordered(choices.optedOut());
        preference.maintenanceTips = choices.maintenanceTips();
        preference.updatedAt = Instant.now(clock);
    }

    /** ETag version: 0 = never saved, so a saved row counts from 1. */
    private static Preferences view(ClientPreference preference) {
        return new Preferences(preference.clientId, preference.optedOut(), preference.maintenanceTips, preference.version + 1);
    }
}
