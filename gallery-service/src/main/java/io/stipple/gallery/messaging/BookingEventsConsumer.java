package io.stipple.gallery.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.gallery.service.SessionLinkService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.inbox.Inbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Links photos to sessions from SessionCompleted on {@code stipple.bookings}; other booking events are ignored. */
@ApplicationScoped
public class BookingEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    SessionLinkService sessions;

    /** Lets the platform replay this channel's dead-lettered events through the same handler. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("booking-events", ClientEventsConsumer.CONSUMER, this::handle);
    }

    @Incoming("booking-events")
    @Blocking
    public void onBookingEvent(ConsumerRecord<String, String> record) {
        inbox.apply(ClientEventsConsumer.CONSUMER, record, this::handle);
    }

    /** Applies one booking event (called by the inbox, inside its transaction and under the event's clinic). */
    public void handle(EventEnvelope event) {
        if ("SessionCompleted".equals(event.eventName())) {
            BookingEvents.SessionCompleted data = inbox.data(event, BookingEvents.SessionCompleted.class);
            if (data.bookingId() == null || data.clientId() == null || data.completedAt() == null) {
                throw new InvalidEventException("SessionCompleted needs bookingId, clientId and completedAt");
            }
            sessions.sessionCompleted(ClientEventsConsumer.clinicOf(event), data);
        }
    }
}
