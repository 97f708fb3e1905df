package io.stipple.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.EventRouter;
import io.stipple.platform.sealing.ClientKeyring;
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
 * client-service events received: the contact projection ({@code ClientDetailsHandler}), marketing consent
 * ({@code ConsentChangedHandler}), erasure ({@code ClientErasedHandler}) and, for every event first, the partner-sharing
 * projection.
 */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "notification-service";

    @Inject
    Inbox inbox;

    @Inject
    PartnerDirectory partners;

    @Inject
    @Any
    Instance<IncomingEventHandler<?>> handlers;

    /** Opens the sealed personal fields of ClientRegistered/ClientUpdated for the handlers that need them. */
    @Inject
    ClientKeyring keyring;

    private EventRouter router;

    @PostConstruct
    void route() {
        // the partner registry and "client X shares with partner P" projection the webhook fan-out and the
        // dispatcher consult (PartnerRegistered/Updated, PARTNER_SHARING consents, ClientErased)
        router = EventRouter.forTopic(Topics.CLIENTS, inbox, handlers, keyring::open).before(event -> {
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
}
