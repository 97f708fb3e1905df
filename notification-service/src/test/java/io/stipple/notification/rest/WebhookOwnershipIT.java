package io.stipple.notification.rest;

import com.github.tomakehurst.wiremock.client.WireMock;
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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Finding 3 of issue 11: a partner could list, read, re-point, delete and redeliver the admin's and other partners'
 * subscriptions of its clinic. Subscriptions now have owners: a partner manages only its own (anything else is a
 * 404, exactly like a subscription that does not exist); an admin manages all of the clinic's.
 */
@QuarkusTest
class WebhookOwnershipIT {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();
    private final String partnerOne = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    private final String partnerTwo = "lab-" + UUID.randomUUID().toString().substring(0, 8);

    private String subscribe(String token, String path, String eventType) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl(path), "eventTypes", List.of(eventType)))
                .post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/not-found"));
    }

    @Test
    void a_partner_manages_only_its_own_subscriptions_and_the_admin_all_of_the_clinics() {
        Db.registerPartner(clinicId, partnerOne);
        Db.registerPartner(clinicId, partnerTwo);
        String admin = Tokens.admin(clinicId);
        String one = Tokens.partner(clinicId, partnerOne);
        String two = Tokens.partner(clinicId, partnerTwo);
        String adminPath = "/hooks/owned-admin-" + UUID.randomUUID();
        String onePath = "/hooks/owned-one-" + UUID.randomUUID();
        WireMock wireMock = ChannelsTestResource.wireMock();
        wireMock.register(post(urlEqualTo(adminPath)).willReturn(aResponse().withStatus(200)));
        wireMock.register(post(urlEqualTo(onePath)).willReturn(aResponse().withStatus(200)));

        String ofAdmin = subscribe(admin, adminPath, "BookingConfirmed");
        String ofOne = subscribe(one, onePath, "PhotoPublished");
        String ofTwo = subscribe(two, "/hooks/owned-two", "PhotoPublished");

        // an admin's subscription gets a delivery, so there is something to redeliver
        clock.set(Instant.parse("2027-08-01T09:00:00Z"));
        Events.publish("booking-service", "BookingConfirmed", clinicId, Events.knownClient(clinicId, UUID.randomUUID()), data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-08-20T10:00:00Z", "endsAt", "2027-08-20T12:00:00Z"));
        UUID adminSubscription = UUID.fromString(ofAdmin);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(adminSubscription).size() == 1);
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        WebhookDelivery delivered = Db.deliveriesOf(adminSubscription).get(0);
        assertThat(delivered.status).isEqualTo(WebhookDelivery.DELIVERED);

        // lists: the admin sees all three, each partner only its own
        given().auth().oauth2(admin).get("/api/v1/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.id", containsInAnyOrder(ofAdmin, ofOne, ofTwo));
        given().auth().oauth2(one).get("/api/v1/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(ofOne))
                .body("items[0].ownerPartnerId", equalTo(partnerOne));
        given().auth().oauth2(two).get("/api/v1/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(ofTwo));
        given().auth().oauth2(admin).get("/api/v1/webhooks/" + ofAdmin).then().statusCode(200)
                .body("ownerPartnerId", nullValue());

        // partner one against the admin's and partner two's subscriptions: exactly as if they did not exist
        for (String other : List.of(ofAdmin, ofTwo, UUID.randomUUID().toString())) {
            notFound(given().auth().oauth2(one).get("/api/v1/webhooks/" + other));
            notFound(given().auth().oauth2(one).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("url", ChannelsTestResource.wireMockUrl(onePath), "eventTypes", List.of("BookingConfirmed"),
                            "active", true))
                    .put("/api/v1/webhooks/" + other));
            notFound(given().auth().oauth2(one).get("/api/v1/webhooks/" + other + "/deliveries"));
            notFound(given().auth().oauth2(one).delete("/api/v1/webhooks/" + other));
        }
        notFound(given().auth().oauth2(one).get("/api/v1/webhooks/" + ofAdmin + "/deliveries/" + delivered.id));
        notFound(given().auth().oauth2(one).post("/api/v1/webhooks/" + ofAdmin + "/deliveries/" + delivered.id + "/redeliver"));
        assertThat(Db.deliveriesOf(adminSubscription).get(0).status).isEqualTo(WebhookDelivery.DELIVERED);

        // after the attempted re-point and delete the admin's subscription is there and points where it did
        given().auth().oauth2(admin).get("/api/v1/webhooks/" + ofAdmin).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("url", equalTo(ChannelsTestResource.wireMockUrl(adminPath)))
                .body("eventTypes", equalTo(List.of("BookingConfirmed")));
        assertThat(Db.subscription(adminSubscription).orElseThrow().url).isEqualTo(ChannelsTestResource.wireMockUrl(adminPath));
        given().auth().oauth2(two).get("/api/v1/webhooks/" + ofTwo).then().statusCode(200);

        // the next event still goes to the admin's receiver, not to the partner's
        Events.publish("booking-service", "BookingConfirmed", clinicId, Events.knownClient(clinicId, UUID.randomUUID()), data(
                "bookingId", UUID.randomUUID(), "startsAt", "2027-08-21T10:00:00Z", "endsAt", "2027-08-21T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.deliveriesOf(adminSubscription).size() == 2);
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(wireMock.find(postRequestedFor(urlEqualTo(adminPath)))).hasSize(2);
        assertThat(wireMock.find(postRequestedFor(urlEqualTo(onePath)))).isEmpty();

        // a partner manages its own; the admin manages the partners' too
        given().auth().oauth2(one).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("url", ChannelsTestResource.wireMockUrl(onePath), "eventTypes", List.of("PhotoWithdrawn"), "active", true))
                .put("/api/v1/webhooks/" + ofOne).then().statusCode(200).body("eventTypes", equalTo(List.of("PhotoWithdrawn")));
        given().auth().oauth2(one).get("/api/v1/webhooks/" + ofOne + "/deliveries").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth().oauth2(admin).post("/api/v1/webhooks/" + ofAdmin + "/deliveries/" + delivered.id + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + ofTwo).then().statusCode(204);
        notFound(given().auth().oauth2(two).get("/api/v1/webhooks/" + ofTwo));
        given().auth().oauth2(one).delete("/api/v1/webhooks/" + ofOne).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(ofAdmin));
    }

    @Test
    void an_unregistered_partner_or_another_clinics_partner_reaches_nothing() {
        Db.registerPartner(clinicId, partnerOne);
        String ofAdmin = subscribe(Tokens.admin(clinicId), "/hooks/owned-guard", "BookingConfirmed");
        // not registered by the clinic: refused before any endpoint
        given().auth().oauth2(Tokens.partner(clinicId, "never-registered")).get("/api/v1/webhooks")
                .then().statusCode(403).body("type", equalTo("https://stipple.io/problems/partner-not-registered"));
        // the same partner id registered by another clinic is another partner: it sees its own clinic's (none)
        UUID otherClinic = UUID.randomUUID();
        Db.registerPartner(otherClinic, partnerOne);
        given().auth().oauth2(Tokens.partner(otherClinic, partnerOne)).get("/api/v1/webhooks")
                .then().statusCode(200).body("totalItems", equalTo(0));
        notFound(given().auth().oauth2(Tokens.partner(otherClinic, partnerOne)).get("/api/v1/webhooks/" + ofAdmin));
    }
}
