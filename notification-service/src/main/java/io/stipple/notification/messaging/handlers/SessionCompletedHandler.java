package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.BookingEventsReceived.SessionCompleted;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** SessionCompleted received: the aftercare timeline, next-session prompt and top-up, then the webhooks. */
@ApplicationScoped
public class SessionCompletedHandler implements IncomingEventHandler<SessionCompleted> {

    @Inject
    BookingOrder order;

    @Inject
    ReminderScheduler scheduler;

    @Inject
    WebhookFanOut webhooks;

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
        if (data.bookingId() == null || data.clientId() == null) {
            throw new InvalidEventException(event.type() + " has no bookingId or clientId");
        }
        if (!order.newest(event, data.bookingId())) return;
        scheduler.sessionCompleted(event.clinicid(), data);
        webhooks.forward(event, data.clientId());
    }
}
