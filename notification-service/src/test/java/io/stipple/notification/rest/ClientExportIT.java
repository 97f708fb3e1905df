package io.stipple.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** notification-service's part of the GDPR export: GET /api/v1/notifications/client-exports/{clientId}. */
@QuarkusTest
class ClientExportIT {

    @Inject
    MutableClock clock;

    private final UUID clinicA = UUID.randomUUID();
    private final UUID clinicB = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String path(UUID clientId) {
        return "/api/v1/notifications/client-exports/" + clientId;
    }

    @Test
    void the_client_and_the_clinics_staff_get_contact_preferences_bookings_reminders_and_webhook_deliveries() {
        UUID client = UUID.randomUUID();
        String email = "export-" + client + "@example.com";
        Events.registerClient(clinicA, client, "Robin", email, "EMAIL", "SMS");
        Map<?, ?> subscription = given().auth().oauth2(Tokens.admin(clinicA)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "export-" + UUID.randomUUID())
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/export-" + client),
                        "eventTypes", List.of("BookingConfirmed"), "description", "clinic receiver"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().as(Map.class);
        UUID subscriptionId = UUID.fromString((String) subscription.get("id"));
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicA, client, data(
                "bookingId", booking, "startsAt", "2027-06-10T10:00:00Z", "endsAt", "2027-06-10T12:00:00Z",
                "preparationNotes", "Shave the day before"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Db.remindersOfBooking(booking).isEmpty()
                && Db.deliveriesOf(subscriptionId).size() == 1);
        given().auth().oauth2(Tokens.client(clinicA, client)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("optedOutChannels", List.of("SMS"), "maintenanceTips", false))
                .put("/api/v1/notifications/preferences/" + client).then().statusCode(200);
        // another client of the clinic with a booking of their own
        UUID other = Events.knownClient(clinicA, UUID.randomUUID());
        UUID othersBooking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicA, other, data(
                "bookingId", othersBooking, "startsAt", "2027-06-11T10:00:00Z", "endsAt", "2027-06-11T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Db.remindersOfBooking(othersBooking).isEmpty());
        int reminders = Db.remindersOfClient(client).size();

        String export = given().auth().oauth2(Tokens.client(clinicA, client)).get(path(client)).then().statusCode(200)
                .contentType("application/json")
                .body("clientId", equalTo(client.toString()))
                .body("clinicId", equalTo(clinicA.toString()))
                .body("exportedAt", notNullValue())
                .body("contact.email", equalTo(email))
                .body("contact.firstName", equalTo("Robin"))
                .body("contact.preferredChannels", equalTo(List.of("EMAIL", "SMS")))
                .body("preferences.optedOutChannels", equalTo(List.of("SMS")))
                .body("preferences.maintenanceTips", equalTo(false))
                .body("bookings.bookingId", equalTo(List.of(booking.toString())))
                .body("bookings[0].preparationNotes", equalTo("Shave the day before"))
                .body("reminders.size()", equalTo(reminders))
                .body("reminders.entry.type", hasItem("APPOINTMENT_REMINDER"))
                .body("reminders.entry.bookingId", everyItem(equalTo(booking.toString())))
                .body("reminders.entry.clientId", everyItem(equalTo(client.toString())))
                .body("webhookDeliveries.eventType", equalTo(List.of("BookingConfirmed")))
                .body("webhookDeliveries[0].status", notNullValue())
                .body("webhookDeliveries[0].recipientPartnerId", nullValue())
                .body("webhookDeliveries[0].payload.data.bookingId", equalTo(booking.toString()))
                .extract().asString();
        assertThat(reminders).isPositive();
        // the clinic's webhook settings are the admin's alone: neither the subscription, its secret nor its delivery ids
        UUID deliveryId = Db.deliveriesOf(subscriptionId).get(0).id;
        assertThat(export).doesNotContain(other.toString()).doesNotContain(othersBooking.toString())
                .doesNotContain((String) subscription.get("secret")).doesNotContain(subscriptionId.toString())
                .doesNotContain(deliveryId.toString()).doesNotContain("/hooks/export-");

        given().auth().oauth2(Tokens.staff(clinicA)).get(path(client)).then().statusCode(200)
                .body("contact.email", equalTo(email));
        given().auth().oauth2(Tokens.admin(clinicA)).get(path(client)).then().statusCode(200)
                .body("bookings.bookingId", equalTo(List.of(booking.toString())));
    }

    @Test
    void another_clinic_another_client_a_partner_an_unknown_and_an_erased_client_get_nothing() {
        UUID client = Events.knownClient(clinicA, UUID.randomUUID());
        given().auth().oauth2(Tokens.staff(clinicA)).get(path(client)).then().statusCode(200);

        given().auth().oauth2(Tokens.staff(clinicB)).get(path(client)).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(Tokens.admin(clinicB)).get(path(client)).then().statusCode(404);
        given().auth().oauth2(Tokens.client(clinicB, client)).get(path(client)).then().statusCode(404);
        given().auth().oauth2(Tokens.client(clinicA, UUID.randomUUID())).get(path(client)).then().statusCode(404);
        given().auth().oauth2(Tokens.partner(clinicA, "export-partner")).get(path(client)).then().statusCode(403);
        given().get(path(client)).then().statusCode(401);
        given().auth().oauth2(Tokens.staff(clinicA)).get(path(UUID.randomUUID())).then().statusCode(404);

        Events.publish("client-service", "ClientErased", clinicA, client, data("erasedAt", "2027-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicA, client).isEmpty());
        given().auth().oauth2(Tokens.staff(clinicA)).get(path(client)).then().statusCode(404);
    }
}
