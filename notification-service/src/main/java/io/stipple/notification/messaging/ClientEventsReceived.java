package io.stipple.notification.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of the client-service events this service receives (topic {@code stipple.clients}), as docs/EVENTS.md
 * defines them; each is applied by its handler in {@code messaging.handlers}. Enum values arrive as strings so a value
 * added by a producer does not make an event unreadable; unknown fields are ignored.
 */
public final class ClientEventsReceived {

    private ClientEventsReceived() {
    }

    /** ClientRegistered and ClientUpdated. */
    public record ClientDetails(UUID clientId, String firstName, String lastName, String email, String phone,
                                LocalDate dateOfBirth, String sex, String timeZone, String locale,
                                List<String> preferredChannels, Boolean marketingOptIn, Long version) {
    }

    /** ConsentGranted and ConsentWithdrawn. */
    public record ConsentChanged(UUID clientId, String scope, String partnerId, String textVersion, Instant occurredAt,
                                 String recordedBy) {
    }

    public record ClientErased(UUID clientId, Instant erasedAt) {
    }
}
