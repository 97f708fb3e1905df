package io.stipple.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The marketing consent projection never goes backwards: a grant older (by the publisher's subjectsequence) than a
 * withdrawal already applied — a redelivery under a new id, a replayed dead letter — is ignored.
 */
@QuarkusTest
class ConsentOrderIT {

    @Test
    void an_older_marketing_grant_arriving_after_a_newer_withdrawal_is_ignored() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        Events.registerClient(clinic, client, "Morgan", "consent-order-" + client + "@example.com", "EMAIL");

        send("ConsentGranted", clinic, client, 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinic, client).orElseThrow().marketingConsent);
        send("ConsentWithdrawn", clinic, client, 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Db.contact(clinic, client).orElseThrow().marketingConsent);

        // the older grant (6) arrives late, then a marker after it on the same key: once the marker is applied, so is it
        send("ConsentGranted", clinic, client, 6);
        Events.send("stipple.clients", numbered(Events.example("client-service", "ConsentGranted", clinic, client,
                data("scope", "CLINICAL_PHOTOS")), 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from projection_position where subject = ?1 and aspect = 'consent:CLINICAL_PHOTOS'",
                client.toString()) == 1);
        assertThat(Db.contact(clinic, client).orElseThrow().marketingConsent)
                .as("the late, older grant must not undo the withdrawal").isFalse();

        // a newer grant (9) applies
        send("ConsentGranted", clinic, client, 9);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinic, client).orElseThrow().marketingConsent);
    }

    private static void send(String type, UUID clinic, UUID client, long sequence) {
        Events.send("stipple.clients", numbered(Events.example("client-service", type, clinic, client,
                data("scope", "MARKETING")), sequence));
    }

    private static ObjectNode numbered(ObjectNode event, long sequence) {
        event.put("subjectsequence", sequence);
        return event;
    }
}
