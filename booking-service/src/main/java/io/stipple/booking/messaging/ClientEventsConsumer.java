package io.stipple.booking.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.sealing.ClientKeyring;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds {@code stipple.clients} into the projection, once per event, under the event's clinic (the inbox binds it);
 * unknown event types are skipped. Every event also goes to the platform's {@link PartnerDirectory} (registered
 * partners, PARTNER_SHARING consents, erasure), except events about a client already erased here.
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
    ClientKeyring keyring;

    /** Lets the platform replay this channel's dead-lettered events through the same handler. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("client-events", CONSUMER, this::handle);
    }

    @Incoming("client-events")
    @Blocking
    public void onClientEvent(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, this::handle);
    }

    /** Applies one client event (inside the inbox transaction). */
    public void handle(EventEnvelope event) {
        String name = event.eventName();
        if (!"ClientErased".equals(name) && projection.erasedClient(event)) {
            return; // the erasure is final: no consent or detail brings the client back
        }
        partnerDirectory.apply(event);
        switch (name) {
            // the names are sealed with the client's key (schema version 2); no key any more: erased, nothing to keep
            case "ClientRegistered", "ClientUpdated" -> keyring.open(event).ifPresent(opened ->
                    projection.clientDetails(opened, inbox.data(opened, ClientEvents.ClientDetails.class)));
            case "AssessmentRecorded" -> projection.assessment(event, inbox.data(event, ClientEvents.AssessmentRecorded.class));
            case "ScreeningRecorded" -> projection.screening(event, inbox.data(event, ClientEvents.ScreeningRecorded.class));
            case "TreatmentPlanAgreed" -> projection.planAgreed(event, inbox.data(event, ClientEvents.TreatmentPlanAgreed.class));
            case "TreatmentPlanCancelled" ->
                    projection.planClosed(event, inbox.data(event, ClientEvents.TreatmentPlanClosed.class), true);
            case "TreatmentPlanCompleted" ->
                    projection.planClosed(event, inbox.data(event, ClientEvents.TreatmentPlanClosed.class), false);
            case "ClientErased" -> projection.erased(event, inbox.data(event, ClientEvents.ClientErased.class));
            default -> {
                // not ours to act on
            }
        }
    }
}
