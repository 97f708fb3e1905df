package io.stipple.notification.rest;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSignature;
import io.stipple.notification.service.WebhookDispatcher;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Standard Webhooks signing as a partner checks it: real deliveries to a receiver (WireMock) verified with the Standard
 * Webhooks reference library ({@code com.standardwebhooks:standardwebhooks}), secret rotation with its overlap, the
 * secrets from before (legacy) and the deprecated {@code Stipple-Signature}.
 *
 * <p>The reference library checks {@code webhook-timestamp} against the real clock (5 minutes either way), so the
 * deliveries here are sent with the service's clock at the real time; the rotations are what is moved in time.
 */
@QuarkusTest
class StandardWebhooksIT {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    @Test
    void a_delivery_verifies_with_the_reference_library_keeps_its_webhook_id_across_retries_and_a_tampered_body_fails() {
        String path = "/hooks/std-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        Map<String, Object> subscription = subscribe(path);
        UUID subscriptionId = UUID.fromString((String) subscription.get("id"));
        String secret = (String) subscription.get("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(subscription.get("secretScheme")).isEqualTo("STANDARD");

        Instant first = realNow();
        clock.set(first);
        queueBookingConfirmed(List.of(subscriptionId));
        dispatcher.runOnce(); // the receiver fails: retried 10 s later
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        clock.set(first.plusSeconds(10));
        dispatcher.runOnce();
        WebhookDelivery delivery = Db.deliveriesOf(subscriptionId).get(0);
        assertThat(delivery.status).isEqualTo(WebhookDelivery.DELIVERED);

        List<LoggedRequest> requests = wireMock.find(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(2);
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("webhook-id")).isEqualTo(delivery.id.toString())
                    .isEqualTo(request.getHeader("Stipple-Delivery-Id"));
            verifies(secret, request);
        }
        LoggedRequest retry = requests.get(1);
        assertThat(retry.getHeader("webhook-timestamp")).isEqualTo(Long.toString(first.getEpochSecond() + 10));
        assertThat(retry.getHeader("webhook-signature")).startsWith("v1,").doesNotContain(" ");
        String body = retry.getBodyAsString();
        assertThatThrownBy(() -> new Webhook(secret).verify(body.replace("BookingConfirmed", "BookingCancelled"), headers(retry)))
                .isInstanceOf(WebhookVerificationException.class);
        // each attempt is signed anew: the first attempt's signature does not fit the retry's timestamp
        assertThat(requests.get(0).getHeader("webhook-signature")).isNotEqualTo(retry.getHeader("webhook-signature"));
        Map<String, List<String>> replayed = headers(retry);
        replayed.put("webhook-signature", List.of(requests.get(0).getHeader("webhook-signature")));
        assertThatThrownBy(() -> new Webhook(secret).verify(body, replayed)).isInstanceOf(WebhookVerificationException.class);
        // the deprecated header is still there, keyed with the secret's text
        assertThat(WebhookSignature.verify(secret, retry.getHeader(WebhookSignature.HEADER), body, first.getEpochSecond() + 10, 300))
                .isTrue();
        assertThat(WebhookSignature.verify(secret, retry.getHeader(WebhookSignature.HEADER), body + " ", first.getEpochSecond() + 10, 300))
                .isFalse();
    }

    @Test
    void after_a_rotation_both_secrets_verify_during_the_overlap_and_only_the_new_one_after_it() {
        String path = "/hooks/rotated-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        Map<String, Object> during = subscribe(path);
        Map<String, Object> after = subscribe(path);
        UUID duringId = UUID.fromString((String) during.get("id"));
        UUID afterId = UUID.fromString((String) after.get("id"));
        String duringOld = (String) during.get("secret");
        String afterOld = (String) after.get("secret");

        Instant now = realNow();
        // one rotated an hour ago (overlap of 24 h still running), the other 25 hours ago (overlap over)
        clock.set(now.minus(Duration.ofHours(1)));
        Response rotated = rotate(Tokens.admin(clinicId), duringId);
        String duringNew = rotated.path("secret");
        assertThat(duringNew).matches("whsec_[A-Za-z0-9+/]{43}=").isNotEqualTo(duringOld);
        assertThat(rotated.asString()).doesNotContain(duringOld);
        assertThat(Instant.parse(rotated.path("previousSecretValidUntil"))).isEqualTo(now.plus(Duration.ofHours(23)));
        assertThat(Instant.parse(rotated.path("rotatedAt"))).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat((String) rotated.path("previousSecretScheme")).isEqualTo("STANDARD");
        assertThat(rotated.header("ETag")).isEqualTo("\"1\"");
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        clock.set(now.minus(Duration.ofHours(25)));
        String afterNew = rotate(Tokens.admin(clinicId), afterId).path("secret");

        clock.set(now);
        // the secrets are never listed again: only when the overlap ends
        given().auth().oauth2(Tokens.admin(clinicId)).get("/api/v1/webhooks/" + duringId).then().statusCode(200)
                .body("secret", nullValue()).body("secretScheme", equalTo("STANDARD"))
                .body("previousSecretValidUntil", notNullValue()).body("secretRotatedAt", notNullValue());
        given().auth().oauth2(Tokens.admin(clinicId)).get("/api/v1/webhooks/" + afterId).then().statusCode(200)
                .body("secret", nullValue()).body("previousSecretValidUntil", nullValue());
        String listed = given().auth().oauth2(Tokens.admin(clinicId)).get("/api/v1/webhooks").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain(duringOld, duringNew, afterOld, afterNew);

        queueBookingConfirmed(List.of(duringId, afterId));
        dispatcher.runOnce();
        LoggedRequest toDuring = requestOf(wireMock, path, duringId);
        LoggedRequest toAfter = requestOf(wireMock, path, afterId);

        // during the overlap: v1,<new> v1,<old>, each verifies with the library; a tampered body with neither
        assertThat(toDuring.getHeader("webhook-signature").split(" ")).hasSize(2);
        verifies(duringNew, toDuring);
        verifies(duringOld, toDuring);
        String tampered = toDuring.getBodyAsString().replace("\"clinicId\"", "\"clinicld\"");
        for (String secret : List.of(duringNew, duringOld)) {
            assertThatThrownBy(() -> new Webhook(secret).verify(tampered, headers(toDuring)))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThat(WebhookSignature.verify(secret, toDuring.getHeader(WebhookSignature.HEADER), toDuring.getBodyAsString(),
                    now.getEpochSecond(), 300)).isTrue();
        }

        // after it: only the new one
        assertThat(toAfter.getHeader("webhook-signature").split(" ")).hasSize(1);
        verifies(afterNew, toAfter);
        assertThatThrownBy(() -> new Webhook(afterOld).verify(toAfter.getBodyAsString(), headers(toAfter)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
        assertThat(WebhookSignature.verify(afterOld, toAfter.getHeader(WebhookSignature.HEADER), toAfter.getBodyAsString(),
                now.getEpochSecond(), 300)).isFalse();
        assertThat(WebhookSignature.verify(afterNew, toAfter.getHeader(WebhookSignature.HEADER), toAfter.getBodyAsString(),
                now.getEpochSecond(), 300)).isTrue();
    }

    @Test
    void a_secret_from_before_signs_only_the_legacy_header_until_the_subscription_is_rotated() {
        String path = "/hooks/legacy-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        UUID subscriptionId = UUID.randomUUID();
        // a subscription as the version before made it (url-safe secret, no scheme column): V4's default marks it LEGACY
        String legacy = "whsec_3q2-7wEXAMPLEsecret_EXAMPLEsecretEXAMPLEsecretEX";
        assertThat(Db.execute("""
                insert into webhook_subscription (id, clinic_id, url, secret, event_types, active, created_at)
                values (?1, ?2, ?3, ?4, 'BookingConfirmed', true, now())""", subscriptionId, clinicId,
                ChannelsTestResource.wireMockUrl(path), legacy)).isEqualTo(1);
        given().auth().oauth2(Tokens.admin(clinicId)).get("/api/v1/webhooks/" + subscriptionId).then().statusCode(200)
                .body("secretScheme", equalTo("LEGACY"));

        Instant now = realNow();
        clock.set(now);
        queueBookingConfirmed(List.of(subscriptionId));
        dispatcher.runOnce();
        LoggedRequest before = requestOf(wireMock, path, subscriptionId);
        assertThat(before.getHeader("webhook-id")).isNotNull();
        assertThat(before.getHeader("webhook-timestamp")).isEqualTo(Long.toString(now.getEpochSecond()));
        assertThat(before.containsHeader("webhook-signature")).isFalse();
        assertThat(WebhookSignature.verify(legacy, before.getHeader(WebhookSignature.HEADER), before.getBodyAsString(),
                now.getEpochSecond(), 300)).isTrue();

        clock.set(now.minus(Duration.ofMinutes(5)));
        Response rotated = rotate(Tokens.admin(clinicId), subscriptionId);
        String standard = rotated.path("secret");
        assertThat((String) rotated.path("previousSecretScheme")).isEqualTo("LEGACY");
        clock.set(now);
        queueBookingConfirmed(List.of(subscriptionId));
        dispatcher.runOnce();
        LoggedRequest afterRotation = wireMock.find(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> !r.getHeader("webhook-id").equals(before.getHeader("webhook-id"))).findFirst().orElseThrow();
        // the new secret verifies with the library; the legacy one still signs the legacy header during the overlap
        assertThat(afterRotation.getHeader("webhook-signature").split(" ")).hasSize(1);
        verifies(standard, afterRotation);
        for (String secret : List.of(standard, legacy)) {
            assertThat(WebhookSignature.verify(secret, afterRotation.getHeader(WebhookSignature.HEADER),
                    afterRotation.getBodyAsString(), now.getEpochSecond(), 300)).isTrue();
        }
    }

    @Test
    void rotation_follows_the_owner_rules_and_a_repeated_rotation_keeps_the_first_overlap() {
        Db.registerPartner(clinicId, "partner-rotation");
        String partnerToken = Tokens.partner(clinicId, "partner-rotation");
        String partnerOwned = given().auth().oauth2(partnerToken).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/p-" + UUID.randomUUID()), "eventTypes", List.of("BookingConfirmed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        UUID adminOwned = UUID.fromString((String) subscribe("/hooks/a-" + UUID.randomUUID()).get("id"));
        clock.set(Instant.parse("2027-06-01T10:00:00Z"));

        // a partner rotates its own; the admin's answers as if absent; the admin may rotate the partner's
        rotate(partnerToken, UUID.fromString(partnerOwned));
        given().auth().oauth2(partnerToken).post("/api/v1/webhooks/" + adminOwned + "/secret-rotation")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).post("/api/v1/webhooks/" + adminOwned + "/secret-rotation")
                .then().statusCode(404).body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(Tokens.admin(clinicId)).post("/api/v1/webhooks/" + UUID.randomUUID() + "/secret-rotation")
                .then().statusCode(404).body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(Tokens.staff(clinicId)).post("/api/v1/webhooks/" + adminOwned + "/secret-rotation")
                .then().statusCode(403);
        given().post("/api/v1/webhooks/" + adminOwned + "/secret-rotation").then().statusCode(401);
        given().auth().oauth2(Tokens.admin(clinicId)).post("/api/v1/webhooks/not-a-uuid/secret-rotation")
                .then().statusCode(404);

        // the answer was lost, the admin rotates again an hour later: the first overlap (and its secret) stays
        String first = rotate(Tokens.admin(clinicId), adminOwned).path("previousSecretValidUntil");
        clock.set(Instant.parse("2027-06-01T11:00:00Z"));
        Response again = rotate(Tokens.admin(clinicId), adminOwned);
        assertThat(first).isEqualTo("2027-06-02T10:00:00Z");
        assertThat((String) again.path("previousSecretValidUntil")).isEqualTo(first);
        assertThat(again.header("ETag")).isEqualTo("\"2\"");
        // the version moved: an update with the version before the rotation is stale
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/x"), "eventTypes", List.of("BookingConfirmed"), "active", true))
                .put("/api/v1/webhooks/" + adminOwned).then().statusCode(412);
    }

    private Map<String, Object> subscribe(String path) {
        return given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "std-" + UUID.randomUUID())
                .body(Map.of("url", ChannelsTestResource.wireMockUrl(path), "eventTypes", List.of("BookingConfirmed")))
                .post("/api/v1/webhooks")
                .then().statusCode(201).body("secret", notNullValue())
                .extract().as(Map.class);
    }

    private static Response rotate(String token, UUID subscriptionId) {
        return given().auth().oauth2(token).post("/api/v1/webhooks/" + subscriptionId + "/secret-rotation")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("subscriptionId", equalTo(subscriptionId.toString())).body("secretScheme", equalTo("STANDARD"))
                .extract().response();
    }

    /** A BookingConfirmed of a known client, queued for each of the subscriptions. */
    private void queueBookingConfirmed(List<UUID> subscriptions) {
        Map<UUID, Integer> before = new LinkedHashMap<>();
        subscriptions.forEach(id -> before.put(id, Db.deliveriesOf(id).size()));
        Events.publish("booking-service", "BookingConfirmed", clinicId, Events.knownClient(clinicId, UUID.randomUUID()), data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-09-20T10:00:00Z", "endsAt", "2027-09-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> subscriptions.stream().allMatch(id -> Db.deliveriesOf(id).size() == before.get(id) + 1));
    }

    /** The one request delivered for the subscription (its delivery ids are the webhook-ids). */
    private static LoggedRequest requestOf(WireMock wireMock, String path, UUID subscriptionId) {
        List<String> ids = Db.deliveriesOf(subscriptionId).stream().map(d -> d.id.toString()).toList();
        List<LoggedRequest> requests = wireMock.find(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> ids.contains(r.getHeader("webhook-id"))).toList();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** What a partner does with the reference library: the raw body and the request's headers. */
    private static void verifies(String secret, LoggedRequest request) {
        try {
            new Webhook(secret).verify(request.getBodyAsString(), headers(request));
        } catch (WebhookVerificationException e) {
            throw new AssertionError("the Standard Webhooks library refused the delivery with " + secret.substring(0, 8)
                    + "…: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) headers.put(header.key(), new ArrayList<>(header.values()));
        return headers;
    }

    private static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
