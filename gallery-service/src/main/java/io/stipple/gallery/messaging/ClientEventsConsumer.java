package io.stipple.gallery.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.EventRouter;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.stipple.platform.partner.PartnerDirectory;
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
 * Receives {@code stipple.clients} ({@link ClientEventsReceived}): the consent/facts projection and erasure, one typed
 * handler per event in {@code messaging.handlers}; types no handler names are skipped. Every event first goes to the
 * platform's partner projection ({@link PartnerDirectory#apply}: partner registry and partner-sharing consent).
 * The platform inbox runs each event under the event's clinic (Row-Level Security), in one transaction with the
 * inbox record.
 */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "gallery-service";

    @Inject
    Inbox inbox;

    @Inject
    PartnerDirectory partners;

    @Inject
    @Any
    Instance<IncomingEventHandler<?>> handlers;

    private EventRouter router;

    @PostConstruct
    void route() {
        router = EventRouter.forTopic(Topics.CLIENTS, inbox, handlers).before(event -> {
            partners.apply(event);
            return true;
        });
    }

    /** Lets the platform replay this channel's dead-lettered events through the same handlers. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("client-events", CONSUMER, router);
    }

    @Incoming("client-events")
    @Blocking
    public void onClientEvent(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, router);
    }

    /** Applies one client event (called by the inbox, inside its transaction and under the event's clinic). */
    public void handle(EventEnvelope event) {
        router.handle(event);
    }
}
