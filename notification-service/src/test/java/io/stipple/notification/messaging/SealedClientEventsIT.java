package io.stipple.notification.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.platform.sealing.SealedFields;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.FakeClientKeys;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Client events of schema version 2 carry name, e-mail and phone sealed with the client's key (crypto-shredding):
 * notification-service opens them with the key client-service serves to its own service token (a real HTTP key
 * authority and token endpoint, {@link FakeClientKeys}), keeps nothing of an erased client's (key gone), and holds
 * an event while the key authority is unavailable instead of dead-lettering the client's contact details.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeClientKeys.class, restrictToAnnotatedClass = true)
class SealedClientEventsIT {

    private final UUID clinic = UUID.randomUUID();

    @AfterEach
    void available() {
        FakeClientKeys.available();
    }

    /** client-service's documented version-2 event for the client, its personal fields sealed with {@code key}. */
    private ObjectNode sealed(String type, UUID client, byte[] key, String email, String phone) {
        ObjectNode event = EventContracts.forService("client-service").exampleNode(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("clinicid", clinic.toString());
        event.put("subject", client.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("clientId", client.toString());
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("firstName", "Imani").put("lastName", "Okafor")
                .put("email", email).put("phone", phone).put("dateOfBirth", "1990-02-03");
        data.set("sealed", SealedFields.seal(key, clinic, client, fields));
        return event;
    }

    @Test
    void sealed_contact_details_are_opened_with_the_clients_key() {
        UUID client = UUID.randomUUID();
        byte[] key = FakeClientKeys.keyFor(clinic, client);
        ObjectNode registered = sealed("ClientRegistered", client, key, "imani-" + client + "@example.com", "+447700900777");
        assertThat(registered.toString()).doesNotContain("example.com");
        Events.send("stipple.clients", registered);

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinic, client).isPresent());
        var contact = Db.contact(clinic, client).orElseThrow();
        assertThat(contact.email).isEqualTo("imani-" + client + "@example.com");
        assertThat(contact.phone).isEqualTo("+447700900777");
        assertThat(contact.firstName).isEqualTo("Imani");
        assertThat(contact.timeZone).isEqualTo("Europe/London");

        ObjectNode updated = sealed("ClientUpdated", client, key, "imani.new-" + client + "@example.com", "+447700900778");
        ((ObjectNode) updated.get("data")).put("version", 1);
        Events.send("stipple.clients", updated);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.contact(clinic, client).map(c -> c.email.startsWith("imani.new-")).orElse(false));
    }

    @Test
    void an_erased_clients_event_is_consumed_without_keeping_anything_and_is_not_dead_lettered() {
        UUID client = UUID.randomUUID();
        ObjectNode registered = sealed("ClientRegistered", client, FakeClientKeys.keyFor(clinic, client),
                "gone-" + client + "@example.com", null);
        FakeClientKeys.erase(clinic, client);
        String bootstrap = StippleInfra.get().kafka().bootstrapServers();
        try (TopicProbe dlq = new TopicProbe(bootstrap, "stipple.dlq.notification-service")) {
            Events.send("stipple.clients", registered);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Db.count("select count(*) from inbox_event where event_id = cast(?1 as uuid)", registered.get("id").asText()) == 1);
            assertThat(Db.contact(clinic, client)).isEmpty();
            assertThat(dlq.drain(Duration.ofSeconds(2))).noneMatch(r -> client.toString().equals(r.key()));
        }
    }

    @Test
    void while_the_key_authority_is_unavailable_the_event_waits_and_applies_once_it_is_back() {
        UUID client = UUID.randomUUID();
        ObjectNode registered = sealed("ClientRegistered", client, FakeClientKeys.keyFor(clinic, client),
                "held-" + client + "@example.com", null);
        FakeClientKeys.unavailable(503);
        int before = FakeClientKeys.requests();
        Events.send("stipple.clients", registered);
        // asked (and refused) more than once: held and retried, not given up
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeClientKeys.requests() >= before + 3);
        assertThat(Db.contact(clinic, client)).isEmpty();
        assertThat(Db.count("select count(*) from inbox_event where event_id = cast(?1 as uuid)", registered.get("id").asText()))
                .isZero();

        FakeClientKeys.available();
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.contact(clinic, client).isPresent());
        assertThat(Db.contact(clinic, client).orElseThrow().email).isEqualTo("held-" + client + "@example.com");
    }
}
