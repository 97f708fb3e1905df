package io.stipple.booking.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.Events;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.platform.sealing.SealedFields;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.FakeClientKeys;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ClientRegistered and ClientUpdated of schema version 2 carry the client's names sealed with the client's key:
 * booking-service opens them with the key client-service serves to booking-service's own token (a real HTTP key
 * authority and token endpoint, {@link FakeClientKeys}), and keeps no name of a client whose key is gone (erased).
 */
@QuarkusTest
@QuarkusTestResource(value = FakeClientKeys.class, restrictToAnnotatedClass = true,
        initArgs = @io.quarkus.test.common.ResourceArg(name = "service", value = "booking-service"))
class SealedClientEventsTest {

    @Inject
    EntityManager em;

    private ClientProjection client(UUID clinic, UUID id) {
        return Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().call(() -> {
            ClientProjection c = em.find(ClientProjection.class, new ClientProjection.Key(clinic, id));
            if (c != null) em.detach(c);
            return c;
        }));
    }

    private static String send(String type, UUID clinic, UUID client, byte[] key, String lastName) {
        ObjectNode event = EventContracts.forService("client-service").exampleNode(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("clinicid", clinic.toString());
        event.put("subject", client.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("clientId", client.toString());
        data.set("sealed", SealedFields.seal(key, clinic, client, JsonNodeFactory.instance.objectNode()
                .put("firstName", "Tomasz").put("lastName", lastName).put("email", "t@example.com").putNull("phone")
                .putNull("dateOfBirth")));
        TopicProbe.send(Events.bootstrap(), "stipple.clients", client.toString(), event.toString(), Map.of());
        return event.get("id").asText();
    }

    private long applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id = cast(?1 as uuid)").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }

    @Test
    void the_clients_names_are_opened_with_the_clients_key() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        byte[] key = FakeClientKeys.keyFor(clinic, client);
        send("ClientRegistered", clinic, client, key, "Nowak");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ClientProjection c = client(clinic, client);
            assertThat(c).isNotNull();
            assertThat(c.firstName).isEqualTo("Tomasz");
            assertThat(c.lastName).isEqualTo("Nowak");
            assertThat(c.sex).isEqualTo("MALE");
        });
        send("ClientUpdated", clinic, client, key, "Nowak-Kowalska");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client(clinic, client).lastName).isEqualTo("Nowak-Kowalska"));
    }

    @Test
    void no_name_is_kept_of_a_client_whose_key_is_gone() {
        UUID clinic = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        byte[] key = FakeClientKeys.keyFor(clinic, erased);
        FakeClientKeys.erase(clinic, erased);
        String eventId = send("ClientRegistered", clinic, erased, key, "Gone");
        // consumed (the inbox recorded it: not held, not dead-lettered) and nothing kept
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(client(clinic, erased)).isNull());
    }
}
