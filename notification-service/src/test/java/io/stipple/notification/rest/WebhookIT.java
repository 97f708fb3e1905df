package io.stipple.notification.rest;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.service.WebhookDispatcher;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Partner webhooks: subscriptions, signed deliveries a receiver can verify, retries, dead state, redelivery, SSRF. */
@QuarkusTest
class WebhookIT {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    private Map<String, Object> subscribe(String path, List<String> types) {
        return given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "sub-" + UUID.randomUUID())
                .body(Map.of("url", ChannelsTestResource.wireMockUrl(path), "eventTypes", types, "description", "test receiver"))
                .post("/api/v1/webhooks")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("secret", notNullValue())
                .extract().as(Map.class);
    }

    @Test
    void a_receiver_can_verify_the_signature_of_a_delivered_event() throws Exception {
        String path = "/hooks/ok-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        Map<String, Object> subscription = subscribe(path, List.of("BookingConfirmed"));
        UUID subscriptionId = UUID.fromString((String) subscription.get("id"));
        String secret = (String) subscription.get("secret");
        // the secret is shown once only
        given().auth().oauth2(Tokens.admin(clinicId)).get("/api/v1/webhooks/" + subscriptionId)
                .then().statusCode(200).body("secret", nullValue()).body("url", equalTo(ChannelsTestResource.wireMockUrl(path)));

        clock.set(Instant.parse("2027-04-01T09:00:00Z"));
        // a client the clinic knows: a booking event for one it does not know yet is held back (and then dead-lettered)
        UUID client = Events.knownClient(clinicId, UUID.randomUUID());
        var event = Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-04-20T10:00:00Z", "endsAt", "2027-04-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(subscriptionId).size() == 1);
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(Db.deliveriesOf(subscriptionId).get(0).status).isEqualTo(WebhookDelivery.DELIVERED);

        List<LoggedRequest> requests = wireMock.find(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        String body = request.getBodyAsString();
        String signature = request.getHeader("Stipple-Signature");
        // what a partner does: t=..,v1=.. → HMAC-SHA256(secret, t + "." + raw body), constant-time compare, fresh t
        String t = signature.split(",")[0].substring(2);
        String v1 = signature.split(",")[1].substring(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(MessageDigest.isEqual(expected.getBytes(), v1.getBytes())).isTrue();
        assertThat(Long.parseLong(t)).isEqualTo(Instant.parse("2027-04-01T09:00:00Z").getEpochSecond());
        assertThat(request.getHeader("Stipple-Event-Type")).isEqualTo("BookingConfirmed");
        assertThat(request.getHeader("Stipple-Event-Id")).isEqualTo(event.get("id").asText());
        assertThat(body).contains("\"type\":\"BookingConfirmed\"").contains("\"clinicId\":\"" + clinicId + "\"")
                .contains("\"subject\":\"" + client + "\"");
    }

    @Test
    void a_failing_receiver_is_retried_with_backoff_then_the_delivery_is_dead_and_can_be_redelivered() {
        String path = "/hooks/fail-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        UUID subscriptionId = UUID.fromString((String) subscribe(path, List.of("SessionCompleted")).get("id"));

        Instant start = Instant.parse("2027-05-01T09:00:00Z");
        clock.set(start);
        Events.publish("booking-service", "SessionCompleted", clinicId, Events.knownClient(clinicId, UUID.randomUUID()), data(
                "bookingId", UUID.randomUUID(), "completedAt", "2027-05-01T08:30:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(subscriptionId).size() == 1);

        dispatcher.runOnce();
        WebhookDelivery afterFirst = Db.deliveriesOf(subscriptionId).get(0);
        assertThat(afterFirst.status).isEqualTo(WebhookDelivery.PENDING);
        assertThat(afterFirst.attempts).isEqualTo(1);
        assertThat(afterFirst.lastStatusCode).isEqualTo(500);
        assertThat(afterFirst.nextAttemptAt).isEqualTo(start.plusSeconds(10));
        dispatcher.runOnce(); // not due yet: nothing happens
        assertThat(Db.deliveriesOf(subscriptionId).get(0).attempts).isEqualTo(1);

        clock.set(start.plusSeconds(10));
        dispatcher.runOnce();
        assertThat(Db.deliveriesOf(subscriptionId).get(0).nextAttemptAt).isEqualTo(start.plusSeconds(30)); // then 20 s
        for (int i = 0; i < 5 && !WebhookDelivery.DEAD.equals(Db.deliveriesOf(subscriptionId).get(0).status); i++) {
            clock.advance(Duration.ofHours(1));
            dispatcher.runOnce();
        }
        WebhookDelivery dead = Db.deliveriesOf(subscriptionId).get(0);
        assertThat(dead.status).isEqualTo(WebhookDelivery.DEAD);
        assertThat(dead.attempts).isEqualTo(4); // notification.webhooks.max-attempts in tests
        assertThat(wireMock.find(postRequestedFor(urlEqualTo(path)))).hasSize(4);
        clock.advance(Duration.ofDays(1));
        dispatcher.runOnce();
        assertThat(wireMock.find(postRequestedFor(urlEqualTo(path)))).hasSize(4); // dead stays dead

        given().auth().oauth2(Tokens.admin(clinicId)).queryParam("status", "DEAD")
                .get("/api/v1/webhooks/" + subscriptionId + "/deliveries")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].attempts", equalTo(4));

        // the partner fixed their endpoint: manual redelivery
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        given().auth().oauth2(Tokens.admin(clinicId))
                .post("/api/v1/webhooks/" + subscriptionId + "/deliveries/" + dead.id + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        dispatcher.runOnce();
        assertThat(Db.deliveriesOf(subscriptionId).get(0).status).isEqualTo(WebhookDelivery.DELIVERED);
        given().auth().oauth2(Tokens.admin(clinicId))
                .post("/api/v1/webhooks/" + subscriptionId + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void cloud_metadata_targets_are_refused_even_where_local_receivers_are_allowed() {
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data/", "eventTypes", List.of("BookingConfirmed")))
                .post("/api/v1/webhooks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/webhook-target-not-allowed"));
    }

    @Test
    void bad_requests_roles_and_tenancy() {
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/x"), "eventTypes", List.of("ClientErased")))
                .post("/api/v1/webhooks")
                .then().statusCode(400).body("type", equalTo("https://stipple.io/problems/validation-failed"))
                .body("violations[0].field", equalTo("eventTypes[0]"));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("eventTypes", List.of("BookingConfirmed")))
                .post("/api/v1/webhooks")
                .then().statusCode(400).body("type", equalTo("https://stipple.io/problems/validation-failed"));
        given().auth().oauth2(Tokens.staff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/x"), "eventTypes", List.of("BookingConfirmed")))
                .post("/api/v1/webhooks")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json");

        // a registered partner integration subscribes (its own subscription, which the admin manages too); another
        // clinic sees none of them
        Db.registerPartner(clinicId, "partner-crm");
        String id = given().auth().oauth2(Tokens.partner(clinicId, "partner-crm")).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/partner"), "eventTypes", List.of("PhotoPublished")))
                .post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get("/api/v1/webhooks/" + id)
                .then().statusCode(404).body("type", equalTo("https://stipple.io/problems/not-found"));

        // updates need the current version
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/partner"), "eventTypes", List.of("PhotoWithdrawn"), "active", false))
                .put("/api/v1/webhooks/" + id)
                .then().statusCode(428);
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/partner"), "eventTypes", List.of("PhotoWithdrawn"), "active", false))
                .put("/api/v1/webhooks/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("active", equalTo(false));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/partner"), "eventTypes", List.of("PhotoWithdrawn"), "active", true))
                .put("/api/v1/webhooks/" + id)
                .then().statusCode(412).body("type", equalTo("https://stipple.io/problems/stale-version"));
        given().auth().oauth2(Tokens.admin(clinicId)).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin(clinicId)).get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void the_same_idempotency_key_replays_the_subscription() {
        String key = "same-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/idem"), "eventTypes", List.of("BookingConfirmed"));
        String first = given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }
}
