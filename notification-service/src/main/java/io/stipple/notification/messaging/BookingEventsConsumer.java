package io.stipple.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.notification.domain.Booking;
import io.stipple.notification.messaging.IncomingEvents.BookingConfirmed;
import io.stipple.notification.messaging.IncomingEvents.BookingEnded;
import io.stipple.notification.messaging.IncomingEvents.SessionCompleted;
import io.stipple.notification.service.ContactService;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.notification.service.WebhookService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.ProjectionGuard;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** booking-service events: appointment reminders, the aftercare and top-up journey, partner webhooks. */
@ApplicationScoped
public class BookingEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ReminderScheduler scheduler;

    @Inject
    WebhookService webhooks;

    @Inject
    ContactService contacts;

    @Inject
    ProjectionGuard positions;

    /** Lets the platform replay this channel's dead-lettered events through the same handler. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("booking-events", ClientEventsConsumer.CONSUMER, this::handle);
    }

    @Incoming("booking-events")
    @Blocking
    public void onBookingEvent(ConsumerRecord<String, String> record) {
        inbox.apply(ClientEventsConsumer.CONSUMER, record, this::handle);
    }

    void handle(EventEnvelope event) {
        UUID clientId;
        switch (event.eventName()) {
            case "BookingConfirmed", "BookingRescheduled" -> {
                BookingConfirmed data = require(event, inbox.data(event, BookingConfirmed.class));
                if (data.startsAt() == null) throw new InvalidEventException(event.type() + " has no startsAt");
                if (!newest(event, data.bookingId())) return;
                scheduler.bookingConfirmed(event.clinicid(), data, event.eventName().equals("BookingRescheduled"));
                clientId = data.clientId();
            }
            case "BookingCancelled" -> {
                BookingEnded data = inbox.data(event, BookingEnded.class);
                if (data.bookingId() == null) throw new InvalidEventException(event.type() + " has no bookingId");
                if (!newest(event, data.bookingId())) return;
                scheduler.bookingEnded(event.clinicid(), data, Booking.CANCELLED);
                clientId = data.clientId();
            }
            case "BookingNoShow" -> {
                BookingEnded data = inbox.data(event, BookingEnded.class);
                if (data.bookingId() == null) throw new InvalidEventException(event.type() + " has no bookingId");
                if (!newest(event, data.bookingId())) return;
                scheduler.bookingEnded(event.clinicid(), data, Booking.NO_SHOW);
                clientId = data.clientId();
            }
            case "SessionCompleted" -> {
                SessionCompleted data = inbox.data(event, SessionCompleted.class);
                if (data.bookingId() == null || data.clientId() == null) {
                    throw new InvalidEventException(event.type() + " has no bookingId or clientId");
                }
                if (!newest(event, data.bookingId())) return;
                scheduler.sessionCompleted(event.clinicid(), data);
                clientId = data.clientId();
            }
            default -> {
                return; // not ours to act on
            }
        }
        if (clientId == null || !contacts.isErased(event.clinicid(), clientId)) {
            webhooks.fanOut(event.clinicid(), event, clientId);
        }
    }

    /**
     * True unless a later event of this booking (by the publisher's {@code subjectsequence}) has already been applied.
     * A booking event for a client not known yet is dead-lettered after its hold and may be replayed long after the
     * booking was cancelled: the replayed BookingConfirmed must not plan reminders for it again.
     */
    private boolean newest(EventEnvelope event, UUID bookingId) {
        return positions.advance("booking:" + bookingId, event);
    }

    private static BookingConfirmed require(EventEnvelope event, BookingConfirmed data) {
        if (data.bookingId() == null || data.clientId() == null) {
            throw new InvalidEventException(event.type() + " has no bookingId or clientId");
        }
        if (event.clinicid() == null) throw new InvalidEventException(event.type() + " names no clinic");
        return data;
    }
}
