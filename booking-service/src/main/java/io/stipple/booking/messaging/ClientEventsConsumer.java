package io.stipple.booking.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.booking.service.ClientProjectionService;
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
 * Feeds {@code stipple.clients} into the projection, once per event, under the event's clinic (the inbox binds it),
 * through one typed handler per received event ({@code messaging/handlers}: {@code ClientDetailsHandler},
 * {@code AssessmentRecordedHandler}, {@code ScreeningRecordedHandler}, {@code TreatmentPlanAgreedHandler},
 * {@code TreatmentPlanClosedHandler}, {@code ClientErasedHandler}); unknown event types are skipped. Every event
 * first goes to the platform's {@link PartnerDirectory} (registered partners, PARTNER_SHARING consents, erasure),
 * except events about a client already erased here.
 */
@ApplicationScoped
public class ClientEventsConsumer {

    public static final String CONSUMER = "booking-service";

    @Inject
    Inbox inbox;

    @Inject
    ClientProjectionService projection;

    @Inject
    PartnerDirectory partnerDirectory;

    @Inject
    @Any
    Instance<IncomingEventHandler<?>> handlers;

    /** Opens the sealed personal fields of ClientRegistered/ClientUpdated for the handlers that need them. */
    @Inject
    ClientKeyring keyring;

    private EventRouter router;

    @PostConstruct
    void route() {
        router = EventRouter.forTopic(Topics.CLIENTS, inbox, handlers, keyring::open).before(event -> {
            if (!"ClientErased".equals(event.eventName()) && projection.erasedClient(event)) {
                return false; // the erasure is final: no consent or detail brings the client back
            }
            partnerDirectory.apply(event);
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

    /** Applies one client event (inside the inbox transaction): the router of this topic's handlers. */
    public EventRouter router() {
        return router;
    }
}
