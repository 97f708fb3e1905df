package io.stipple.gallery.messaging;

import io.smallrye.common.annotation.Blocking;
import io.stipple.gallery.service.ClientProjection;
import io.stipple.gallery.service.ErasureService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.ProjectionGuard;
import io.stipple.platform.partner.PartnerDirectory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Keeps the consent/facts projection and carries out erasure, from {@code stipple.clients}. Every event also goes to
 * the platform's partner projection ({@link PartnerDirectory#apply}: partner registry and partner-sharing consent).
 * The platform inbox runs each handler under the event's clinic (Row-Level Security), in one transaction with the
 * inbox record.
 */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "gallery-service";

    @Inject
    Inbox inbox;

    @Inject
    ClientProjection projection;

    @Inject
    ErasureService erasure;

    @Inject
    PartnerDirectory partners;

    @Inject
    ProjectionGuard positions;

    /** Lets the platform replay this channel's dead-lettered events through the same handler. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("client-events", CONSUMER, this::handle);
    }

    @Incoming("client-events")
    @Blocking
    public void onClientEvent(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, this::handle);
    }

    /** Applies one client event (called by the inbox, inside its transaction and under the event's clinic). */
    public void handle(EventEnvelope event) {
        partners.apply(event);
        switch (event.eventName()) {
            case "ClientRegistered" -> projection.clientRegistered(clinicOf(event), data(event, ClientEvents.ClientRegistered.class).clientId());
            case "ConsentGranted", "ConsentWithdrawn" -> {
                ClientEvents.ConsentChanged consent = data(event, ClientEvents.ConsentChanged.class);
                // each consent scope is a fact of its own: an older decision never overwrites a newer one
                if (positions.advance("consent:" + consent.scope(), event)) {
                    projection.consentChanged(clinicOf(event), consent, "ConsentGranted".equals(event.eventName()));
                }
            }
            case "AssessmentRecorded" -> projection.assessmentRecorded(clinicOf(event), data(event, ClientEvents.AssessmentRecorded.class));
            case "TreatmentPlanAgreed" -> projection.treatmentPlanAgreed(clinicOf(event), data(event, ClientEvents.TreatmentPlanAgreed.class));
            case "ClientErased" -> erasure.erase(clinicOf(event), data(event, ClientEvents.ClientErased.class));
            default -> {
                // not an event the gallery acts on
            }
        }
    }

    private <T> T data(EventEnvelope event, Class<T> type) {
        T data = inbox.data(event, type);
        UUID clientId = null;
        if (data instanceof ClientEvents.ClientRegistered r) {
            clientId = r.clientId();
        } else if (data instanceof ClientEvents.ConsentChanged c) {
            clientId = c.clientId();
        } else if (data instanceof ClientEvents.AssessmentRecorded a) {
            clientId = a.clientId();
        } else if (data instanceof ClientEvents.TreatmentPlanAgreed t) {
            clientId = t.clientId();
        } else if (data instanceof ClientEvents.ClientErased e) {
            clientId = e.clientId();
        }
        if (clientId == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " has no clientId");
        }
        return data;
    }

    static UUID clinicOf(EventEnvelope event) {
        if (event.clinicid() == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no clinic (clinicid)");
        }
        return event.clinicid();
    }
}
