package io.stipple.gallery.messaging.handlers;

import io.stipple.gallery.messaging.BookingEventsReceived.SessionCompleted;
import io.stipple.gallery.service.SessionLinkService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * SessionCompleted ({@code stipple.bookings}): the session is remembered, photos uploaded for that booking get its
 * number (and later uploads take it), the clinic name and treatment type are kept.
 */
@ApplicationScoped
public class SessionCompletedHandler implements IncomingEventHandler<SessionCompleted> {

    @Inject
    SessionLinkService sessions;

    @Override
    public String topic() {
        return Topics.BOOKINGS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("SessionCompleted");
    }

    @Override
    public Class<SessionCompleted> dataType() {
        return SessionCompleted.class;
    }

    @Override
    public void handle(EventEnvelope event, SessionCompleted data) {
        if (data.bookingId() == null || data.clientId() == null || data.completedAt() == null) {
            throw new InvalidEventException("SessionCompleted needs bookingId, clientId and completedAt");
        }
        sessions.sessionCompleted(EventChecks.clinicOf(event), data);
    }
}
