package io.stipple.notification.messaging.handlers;

import io.stipple.notification.domain.Booking;
import io.stipple.notification.messaging.BookingEventsReceived.BookingEnded;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** BookingCancelled and BookingNoShow received: the booking's appointment reminders cancelled, then the webhooks. */
@ApplicationScoped
public class BookingEndedHandler implements IncomingEventHandler<BookingEnded> {

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
        return Set.of("BookingCancelled", "BookingNoShow");
    }

    @Override
    public Class<BookingEnded> dataType() {
        return BookingEnded.class;
    }

    @Override
    public void handle(EventEnvelope event, BookingEnded data) {
        if (data.bookingId() == null) throw new InvalidEventException(event.type() + " has no bookingId");
        if (!order.newest(event, data.bookingId())) return;
        scheduler.bookingEnded(event.clinicid(), data,
                event.eventName().equals("BookingNoShow") ? Booking.NO_SHOW : Booking.CANCELLED);
        webhooks.forward(event, data.clientId());
    }
}
