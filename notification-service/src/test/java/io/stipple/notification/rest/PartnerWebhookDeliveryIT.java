package io.stipple.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.time.Duration;
import java.time.Instant;
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

/**
 * Finding 2 of issue 11: partner webhooks ignored the client's partner-sharing consent and carried everything
 * (preparation notes, condition, sex, the client of a public set). A partner's subscription now receives a client's
 * event only while that client shares with that partner — checked at fan-out and again just before sending — and
 * only the partner view of it; the clinic's own subscription still gets the event as published. The partner
 * registry and the sharing consent arrive as client-service events (the documented examples).
 */
@QuarkusTest
class PartnerWebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The manage token of the documented BookingConfirmed example (booking AsyncAPI 1.1.0). */
    private static final String MANAGE_TOKEN = "W4yKPi9NTGuafh0tLDtKX5qLfG1eT0o7jC0eD5qLfG0r9sVq3TUxWn8yZc2bQp6dHf1gJk4lMo7rNu0tAx3C5E";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();
    private final String shared = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    private final String unshared = "unshared-" + UUID.randomUUID().toString().substring(0, 8);

    private record Receiver(String path, UUID subscriptionId) {
    }

    private Receiver subscribe(String token, String name) {
        String path = "/hooks/" + name + "-" + UUID.randomUUID();
        ChannelsTestResource.wireMock().register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl(path),
                        "eventTypes", List.of("BookingConfirmed", "SessionCompleted", "PhotoPublished")))
                .post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        return new Receiver(path, UUID.fromString(id));
    }

    private static List<JsonNode> received(Receiver receiver) throws Exception {
        WireMock wireMock = ChannelsTestResource.wireMock();
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoggedRequest request : wireMock.find(postRequestedFor(urlEqualTo(receiver.path())))) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private static JsonNode ofType(List<JsonNode> bodies, String type) {
        return bodies.stream().filter(b -> type.equals(b.path("type").asText())).findFirst().orElseThrow(
                () -> new AssertionError("no " + type + " among " + bodies));
    }

    private void drain() {
        while (dispatcher.runOnce() > 0) {
            // until nothing due is left
        }
    }

    /** Both partners registered; the client known to the clinic and sharing with the shared partner only. */
    private UUID sharingClient() {
        Events.partner(clinicId, shared, "ACTIVE");
        Events.partner(clinicId, unshared, "ACTIVE");
        UUID client = Events.knownClient(clinicId, UUID.randomUUID());
        Events.partnerSharing(clinicId, client, shared, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.sharesWith(clinicId, client, shared)
                && Db.isActivePartner(clinicId, unshared));
        return client;
    }

    @Test
    void the_shared_partner_gets_the_partner_view_the_unshared_partner_nothing_the_clinic_everything() throws Exception {
        UUID client = sharingClient();
        Receiver clinic = subscribe(Tokens.admin(clinicId), "clinic");
        Receiver sharedPartner = subscribe(Tokens.partner(clinicId, shared), "shared");
        Receiver unsharedPartner = subscribe(Tokens.partner(clinicId, unshared), "unshared");

        clock.set(Instant.parse("2027-09-01T09:00:00Z"));
        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-09-20T10:00:00Z", "endsAt", "2027-09-20T12:00:00Z",
                "preparationNotes", "On blood thinners: no aspirin the week before."));
        Events.publish("booking-service", "SessionCompleted", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "completedAt", "2027-09-01T08:30:00Z", "condition", "ALOPECIA_AREATA",
                "clientSex", "FEMALE", "healingIntervalDays", 12));
        UUID setId = UUID.randomUUID();
        Events.publish("gallery-service", "PhotoPublished", clinicId, client, data("setId", setId));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(clinic.subscriptionId()).size() == 3
                && Db.deliveriesOf(sharedPartner.subscriptionId()).size() == 3);
        assertThat(Db.deliveriesOf(unsharedPartner.subscriptionId())).isEmpty();
        drain();

        // the clinic's own subscription: the events as published
        List<JsonNode> full = received(clinic);
        assertThat(full).hasSize(3);
        assertThat(ofType(full, "BookingConfirmed").path("data").path("preparationNotes").asText()).startsWith("On blood thinners");
        assertThat(ofType(full, "SessionCompleted").path("data").path("condition").asText()).isEqualTo("ALOPECIA_AREATA");
        assertThat(ofType(full, "PhotoPublished").path("data").path("clientId").asText()).isEqualTo(client.toString());
        // ... less the booking's manage link token (the documented example carries one): a secret, in no webhook body
        assertThat(ofType(full, "BookingConfirmed").path("data").has("manageToken")).isFalse();
        assertThat(Db.deliveriesOf(clinic.subscriptionId())).extracting(d -> d.payload).noneMatch(p -> p.contains(MANAGE_TOKEN));

        // the shared partner: the partner view
        List<JsonNode> partnerView = received(sharedPartner);
        assertThat(partnerView).hasSize(3);
        JsonNode confirmed = ofType(partnerView, "BookingConfirmed");
        assertThat(confirmed.path("data").path("bookingId").asText()).isEqualTo(booking.toString());
        assertThat(confirmed.path("subject").asText()).isEqualTo(client.toString());
        assertThat(confirmed.path("data").has("preparationNotes")).isFalse();
        assertThat(confirmed.path("data").has("technicianName")).isFalse();
        JsonNode completed = ofType(partnerView, "SessionCompleted").path("data");
        assertThat(completed.has("condition")).isFalse();
        assertThat(completed.has("clientSex")).isFalse();
        assertThat(completed.has("healingIntervalDays")).isFalse();
        assertThat(completed.path("clientId").asText()).isEqualTo(client.toString());
        JsonNode published = ofType(partnerView, "PhotoPublished");
        assertThat(published.path("data").path("setId").asText()).isEqualTo(setId.toString());
        assertThat(published.toString()).doesNotContain(client.toString());
        assertThat(partnerView.toString()).doesNotContain("blood thinners", "ALOPECIA", "FEMALE", "manageToken", MANAGE_TOKEN);

        // the unshared partner: nothing at all
        assertThat(received(unsharedPartner)).isEmpty();
    }

    @Test
    void a_withdrawal_stops_deliveries_already_queued_they_are_cancelled_not_sent_and_not_retried() throws Exception {
        UUID client = sharingClient();
        Receiver clinic = subscribe(Tokens.admin(clinicId), "clinic-w");
        Receiver sharedPartner = subscribe(Tokens.partner(clinicId, shared), "shared-w");

        clock.set(Instant.parse("2027-10-01T09:00:00Z"));
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-10-20T10:00:00Z", "endsAt", "2027-10-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(sharedPartner.subscriptionId()).size() == 1
                && Db.deliveriesOf(clinic.subscriptionId()).size() == 1);
        assertThat(Db.deliveriesOf(sharedPartner.subscriptionId()).get(0).status).isEqualTo(WebhookDelivery.PENDING);

        // queued while shared; the client withdraws before the dispatcher gets to it
        Events.partnerSharing(clinicId, client, shared, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Db.sharesWith(clinicId, client, shared));
        drain();

        WebhookDelivery cancelled = Db.deliveriesOf(sharedPartner.subscriptionId()).get(0);
        assertThat(cancelled.status).isEqualTo(WebhookDelivery.CANCELLED);
        assertThat(cancelled.statusReason).isEqualTo(WebhookDelivery.NOT_SHARED);
        assertThat(received(sharedPartner)).isEmpty();
        assertThat(received(clinic)).hasSize(1); // the clinic's own subscription is not about sharing

        clock.set(Instant.parse("2027-10-02T09:00:00Z"));
        drain();
        assertThat(received(sharedPartner)).isEmpty();
        assertThat(Db.deliveriesOf(sharedPartner.subscriptionId()).get(0).status).isEqualTo(WebhookDelivery.CANCELLED);
        given().auth().oauth2(Tokens.partner(clinicId, shared))
                .get("/api/v1/webhooks/" + sharedPartner.subscriptionId() + "/deliveries/" + cancelled.id)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("statusReason", equalTo("NOT_SHARED"));
        given().auth().oauth2(Tokens.partner(clinicId, shared))
                .post("/api/v1/webhooks/" + sharedPartner.subscriptionId() + "/deliveries/" + cancelled.id + "/redeliver")
                .then().statusCode(422).body("type", equalTo("https://stipple.io/problems/webhook-delivery-cancelled"));

        // and after the withdrawal nothing new is queued for the partner
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-10-21T10:00:00Z", "endsAt", "2027-10-21T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(clinic.subscriptionId()).size() == 2);
        assertThat(Db.deliveriesOf(sharedPartner.subscriptionId())).hasSize(1);
    }

    @Test
    void a_suspended_partner_gets_nothing_more_even_what_was_queued() throws Exception {
        UUID client = sharingClient();
        Receiver sharedPartner = subscribe(Tokens.partner(clinicId, shared), "suspended");
        clock.set(Instant.parse("2027-11-01T09:00:00Z"));
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-11-20T10:00:00Z", "endsAt", "2027-11-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(sharedPartner.subscriptionId()).size() == 1);

        Events.partner(clinicId, shared, "SUSPENDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Db.isActivePartner(clinicId, shared));
        drain();
        assertThat(Db.deliveriesOf(sharedPartner.subscriptionId()).get(0).statusReason).isEqualTo(WebhookDelivery.NOT_SHARED);
        assertThat(received(sharedPartner)).isEmpty();
    }
}
