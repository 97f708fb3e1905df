package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.BookingEventsReceived.BookingConfirmed;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** BookingConfirmed and BookingRescheduled received: the booking projection and its reminders, then the webhooks. */
@ApplicationScoped
public class BookingConfirmedHandler implements IncomingEventHandler<BookingConfirmed> {

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
        return Set.of("BookingConfirmed", "BookingRescheduled");
    }

    @Override
    public Class<BookingConfirmed> dataType() {
        return BookingConfirmed.class;
    }

    @Override
    public void handle(EventEnvelope event, BookingConfirmed data) {
        if (data.bookingId() == null || data.clientId() == null) {
            throw new InvalidEventException(event.type() + " has no bookingId or clientId");
        }
        if (event.clinicid() == null) throw new InvalidEventException(event.type() + " names no clinic");
        if (data.startsAt() == null) throw new InvalidEventException(event.type() + " has no startsAt");
        if (!order.newest(event, data.bookingId())) return;
        scheduler.bookingConfirmed(event.clinicid(), data, event.eventName().equals("BookingRescheduled"));
        webhooks.forward(event, data.clientId());
    }
}
