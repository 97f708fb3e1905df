package io.stipple.booking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.booking.messaging.ClientEventsConsumer;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.inbox.Inbox;
import io.stipple.testinfra.EventContracts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Puts client-service facts into the projection the way the Kafka consumer does (same inbox, same handler), from
 * client-service's documented examples, without waiting for Kafka. The Kafka path itself is tested in
 * {@code ClientEventsConsumerTest}.
 */
@ApplicationScoped
public class ClientEventsFeeder {

    @Inject
    Inbox inbox;

    @Inject
    ClientEventsConsumer consumer;

    /**
     * The documented example of the event, for the client. ClientRegistered and ClientUpdated are their schema
     * version 1 examples (names in clear), so the data can be set here; SealedClientEventsTest proves version 2.
     */
    public static ObjectNode example(String eventName, UUID clinicId, UUID clientId, Consumer<ObjectNode> data) {
        String message = eventName.equals("ClientRegistered") || eventName.equals("ClientUpdated") ? eventName + "V1" : eventName;
        ObjectNode event = EventContracts.forService("client-service").exampleNode(message);
        event.put("id", UUID.randomUUID().toString());
        event.put("clinicid", clinicId.toString());
        event.put("subject", clientId.toString());
        ObjectNode d = (ObjectNode) event.get("data");
        d.put("clientId", clientId.toString());
        if (data != null) data.accept(d);
        return event;
    }

    public void apply(String eventName, UUID clinicId, UUID clientId, Consumer<ObjectNode> data) {
        EventEnvelope envelope = inbox.parse(example(eventName, clinicId, clientId, data).toString());
        inbox.apply(ClientEventsConsumer.CONSUMER, "stipple.clients", envelope, consumer.router());
    }

    /** A new client of the clinic, known to booking-service from ClientRegistered; returns its id. */
    public UUID registered(UUID clinicId) {
        UUID clientId = UUID.randomUUID();
        apply("ClientRegistered", clinicId, clientId, d -> d.put("sex", "MALE"));
        return clientId;
    }

    /**
     * client-service's PartnerRegistered (or PartnerUpdated for another status) for the clinic, from its documented
     * example, through the same inbox and handler as Kafka: what makes a partner token of that clinic acceptable to
     * booking-service. Stamped now, so a later change of the same partner wins.
     */
    public void partner(UUID clinicId, String partnerId, String status) {
        String eventName = "ACTIVE".equals(status) ? "PartnerRegistered" : "PartnerUpdated";
        ObjectNode event = EventContracts.forService("client-service").exampleNode(eventName);
        event.put("id", UUID.randomUUID().toString());
        event.put("clinicid", clinicId.toString());
        event.put("subject", partnerId);
        event.put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("partnerId", partnerId);
        data.put("name", "Partner " + partnerId);
        data.put("status", status);
        inbox.apply(ClientEventsConsumer.CONSUMER, "stipple.clients", inbox.parse(event.toString()), consumer.router());
    }

    /** The partner registered (ACTIVE) by the clinic and the client sharing with it (PARTNER_SHARING consent). */
    public void shareWithPartner(UUID clinicId, UUID clientId, String partnerId) {
        partner(clinicId, partnerId, "ACTIVE");
        apply("ConsentGranted", clinicId, clientId, d -> {
            d.put("scope", "PARTNER_SHARING");
            d.put("partnerId", partnerId);
        });
    }

    /** A registered, screened-eligible client with an agreed plan; returns the plan id. */
    public UUID eligibleWithPlan(UUID clinicId, UUID clientId, String treatmentType, String stage, int plannedSessions,
                                 int healingIntervalDays) {
        UUID planId = UUID.randomUUID();
        apply("ClientRegistered", clinicId, clientId, d -> d.put("sex", "MALE"));
        apply("ScreeningRecorded", clinicId, clientId, d -> d.put("eligibility", "ELIGIBLE"));
        apply("TreatmentPlanAgreed", clinicId, clientId, d -> {
            d.put("planId", planId.toString());
            d.put("treatmentType", treatmentType);
            d.put("stage", stage);
            d.put("plannedSessions", plannedSessions);
            d.put("healingIntervalDays", healingIntervalDays);
        });
        return planId;
    }
}
