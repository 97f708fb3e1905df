package io.stipple.notification.messaging;

import io.smallrye.common.annotation.Blocking;
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

/** gallery-service events received: forwarded to partner webhooks that chose them ({@code PhotoChangedHandler}). */
@ApplicationScoped
public class GalleryEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    @Any
    Instance<IncomingEventHandler<?>> handlers;

    private EventRouter router;

    @PostConstruct
    void route() {
        router = EventRouter.forTopic(Topics.GALLERY, inbox, handlers);
    }

    /** Lets the platform replay this channel's dead-lettered events through the same handlers. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("gallery-events", ClientEventsConsumer.CONSUMER, router);
    }

    @Incoming("gallery-events")
    @Blocking
    public void onGalleryEvent(ConsumerRecord<String, String> record) {
        inbox.apply(ClientEventsConsumer.CONSUMER, record, router);
    }
}
