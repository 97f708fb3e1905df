package io.stipple.gallery.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.EventRouter;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives {@code stipple.bookings} ({@link BookingEventsReceived}): SessionCompleted links photos to sessions
 * ({@code messaging.handlers.SessionCompletedHandler}); other booking events are skipped.
 */
@ApplicationScoped
public class BookingEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    @Any
    Instance<IncomingEventHandler<?>> handlers;

    private EventRouter router;

    @PostConstruct
    void route() {
        router = EventRouter.forTopic(Topics.BOOKINGS, inbox, handlers);
    }

    /** Lets the platform replay this channel's dead-lettered events through the same handlers. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("booking-events", ClientEventsConsumer.CONSUMER, router);
    }

    @Incoming("booking-events")
    @Blocking
    public void onBookingEvent(ConsumerRecord<String, String> record) {
        inbox.apply(ClientEventsConsumer.CONSUMER, record, router);
    }

    /** Applies one booking event (called by the inbox, inside its transaction and under the event's clinic). */
    public void handle(EventEnvelope event) {
        router.handle(event);
    }
}
