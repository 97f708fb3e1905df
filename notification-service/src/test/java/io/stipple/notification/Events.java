package io.stipple.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds the documented example events (docs/asyncapi/&lt;service&gt;.yaml) onto the real topics, with the
 * ids and times a test needs put in: consumer contract tests.
 */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** The documented example of {@code message} (version 1 of ClientRegistered/ClientUpdated) with a fresh event id, the given tenant, subject and data fields. */
    public static ObjectNode example(String service, String message, UUID clinicId, UUID clientId, Map<String, ?> data) {
        // ClientRegistered and ClientUpdated: the schema version 1 examples (contact details in clear), so tests can
        // set them; SealedClientEventsIT proves version 2 (sealed with the client's key)
        String documented = message.equals("ClientRegistered") || message.equals("ClientUpdated") ? message + "V1" : message;
        ObjectNode event = EventContracts.forService(service).exampleNode(documented);
        event.put("id", UUID.randomUUID().toString());
        event.put("clinicid", clinicId.toString());
        event.put("subject", clientId.toString());
        ObjectNode body = (ObjectNode) event.get("data");
        if (body.has("clientId")) body.put("clientId", clientId.toString());
        data.forEach((key, value) -> body.set(key, JSON.valueToTree(value)));
        return event;
    }

    public static void send(String topic, ObjectNode event) {
        TopicProbe.send(StippleInfra.get().kafka().bootstrapServers(), topic, event.get("subject").asText(), event.toString(),
                Map.of());
    }

    /** Sends the example and returns it (e.g. to send the very same event again). */
    public static ObjectNode publish(String service, String message, UUID clinicId, UUID clientId, Map<String, ?> data) {
        ObjectNode event = example(service, message, clinicId, clientId, data);
        send(topicOf(service), event);
        return event;
    }

    /**
     * A booking-service event built here in the contract's shape (CloudEvents 1.0, schema version 1, key and subject the
     * client) and sent on stipple.bookings: for events the booking AsyncAPI documents in a version this build does not
     * carry yet. {@code data} gets the client id.
     */
    public static ObjectNode publishBookingEvent(String name, UUID clinicId, UUID clientId, Instant time, Map<String, Object> data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/stipple/booking-service");
        event.put("type", "io.stipple." + name);
        event.put("subject", clientId.toString());
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("clinicid", clinicId.toString());
        event.put("schemaversion", 1);
        data.put("clientId", clientId);
        event.set("data", JSON.valueToTree(data));
        send("stipple.bookings", event);
        return event;
    }

    public static String topicOf(String service) {
        return switch (service) {
            case "client-service" -> "stipple.clients";
            case "booking-service" -> "stipple.bookings";
            case "gallery-service" -> "stipple.gallery";
            default -> throw new IllegalArgumentException(service);
        };
    }

    /**
     * A client registered with the given email and channels (the documented ClientRegistered example otherwise);
     * returns once the clinic knows the client (a booking event of a clinic about a client it does not know yet is
     * held back, then dead-lettered; client and booking events travel on different topics).
     */
    public static ObjectNode registerClient(UUID clinicId, UUID clientId, String firstName, String email, String... channels) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("firstName", firstName);
        data.put("email", email);
        data.put("preferredChannels", channels.length == 0 ? new String[] {"EMAIL"} : channels);
        ObjectNode event = publish("client-service", "ClientRegistered", clinicId, clientId, data);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, clientId).isPresent());
        return event;
    }

    /** A client the clinic knows (registered with an example e-mail address). */
    public static UUID knownClient(UUID clinicId, UUID clientId) {
        registerClient(clinicId, clientId, "Sam", "client-" + clientId + "@example.com", "EMAIL");
        return clientId;
    }

    /** A mutable map of data fields. */
    public static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** PartnerRegistered (or PartnerUpdated with another status) of the clinic, as client-service publishes it. */
    public static ObjectNode partner(UUID clinicId, String partnerId, String status) {
        ObjectNode event = EventContracts.forService("client-service").exampleNode("PartnerRegistered");
        if (!"ACTIVE".equals(status)) event.put("type", "io.stipple.PartnerUpdated");
        event.put("id", UUID.randomUUID().toString());
        event.put("clinicid", clinicId.toString());
        event.put("subject", partnerId);
        event.put("time", Instant.now().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        body.put("partnerId", partnerId);
        body.put("status", status);
        send("stipple.clients", event);
        return event;
    }

    /** ConsentGranted / ConsentWithdrawn of the PARTNER_SHARING scope: the client shares (no longer) with the partner. */
    public static ObjectNode partnerSharing(UUID clinicId, UUID clientId, String partnerId, boolean granted) {
        ObjectNode event = example("client-service", granted ? "ConsentGranted" : "ConsentWithdrawn", clinicId, clientId,
                data("scope", "PARTNER_SHARING", "partnerId", partnerId));
        event.put("time", Instant.now().toString());
        send("stipple.clients", event);
        return event;
    }
}
