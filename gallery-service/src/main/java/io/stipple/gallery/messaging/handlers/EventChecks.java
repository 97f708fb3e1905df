package io.stipple.gallery.messaging.handlers;

import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;

import java.util.UUID;

/** What every received event must carry before the gallery applies it; off contract is an {@link InvalidEventException}. */
final class EventChecks {

    private EventChecks() {
    }

    /** The clinic the event is about (its {@code clinicid}). */
    static UUID clinicOf(EventEnvelope event) {
        if (event.clinicid() == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no clinic (clinicid)");
        }
        return event.clinicid();
    }

    /** The client a client-service event is about: every one the gallery reads names it. */
    static UUID clientOf(EventEnvelope event, UUID clientId) {
        if (clientId == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " has no clientId");
        }
        return clientId;
    }
}
