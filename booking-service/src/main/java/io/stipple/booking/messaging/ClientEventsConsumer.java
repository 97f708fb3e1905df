package io.stipple.booking.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds {@code stipple.clients} into the projection, once per event; unknown event types are skipped. */
@ApplicationScoped
public class ClientEventsConsumer {

    public static final String CONSUMER = "booking-service";

    @Inject
    Inbox inbox;

    @Inject
    ClientProjectionService projection;

    @Incoming("client-events")
    @Blocking
    public void onClientEvent(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, this::handle);
    }

    /** Applies one client event (inside the inbox transaction). */
    public void handle(EventEnvelope event) {
        switch (event.eventName()) {
            case "ClientRegistered", "ClientUpdated" ->
                    projection.clientDetails(event, inbox.data(event, ClientEvents.ClientDetails.class));
            case "AssessmentRecorded" -> projection.assessment(event, inbox.data(event, ClientEvents.AssessmentRecorded.class));
            case "ScreeningRecorded" -> projection.screening(event, inbox.data(event, ClientEvents.ScreeningRecorded.class));
            case "ConsentGranted" -> projection.consent(event, inbox.data(event, ClientEvents.Consent.class), true);
            case "ConsentWithdrawn" -> projection.consent(event, inbox.data(event, ClientEvents.Consent.class), false);
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
