package io.stipple.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.service.ReminderDispatcher;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/** The delivery log, previews, preferences (opt-outs) and erasure over the API. */
@QuarkusTest
class NotificationResourceIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    private UUID bookedClient(UUID client, UUID booking, String email) {
        Events.registerClient(clinicId, client, "Robin", email, "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, client).isPresent());
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-06-10T09:00:00Z", "endsAt", "2027-06-10T11:00:00Z",
                "preparationNotes", "Avoid alcohol for 24 hours before."));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        return client;
    }

    @Test
    void staff_see_the_clinics_log_a_client_only_their_own_another_clinic_nothing() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        bookedClient(client, booking, "log-" + client + "@example.com");

        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("clientId", client.toString())
                .get("/api/v1/notifications")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.type", everyItem(equalTo("APPOINTMENT_REMINDER")))
                .body("items.status", everyItem(equalTo("SCHEDULED")))
                .body("items[0].dueAtLocal", equalTo("2027-06-08T10:00:00+01:00"))
                .body("items[0].zone", equalTo("Europe/London"));
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("bookingId", booking.toString()).queryParam("status", "SENT")
                .get("/api/v1/notifications").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.client(clinicId, client)).get("/api/v1/notifications")
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(Tokens.client(clinicId, client)).queryParam("clientId", UUID.randomUUID().toString())
                .get("/api/v1/notifications").then().statusCode(404);
        given().auth().oauth2(Tokens.staff(UUID.randomUUID())).queryParam("clientId", client.toString())
                .get("/api/v1/notifications").then().statusCode(200).body("totalItems", equalTo(0));

        UUID id = Db.remindersOfBooking(booking).get(0).id;
        given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/notifications/" + id)
                .then().statusCode(200).body("bookingId", equalTo(booking.toString()));
        given().auth().oauth2(Tokens.staff(UUID.randomUUID())).get("/api/v1/notifications/" + id)
                .then().statusCode(404).body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(Tokens.client(clinicId, UUID.randomUUID())).get("/api/v1/notifications/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("status", "LOST").get("/api/v1/notifications")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("size", 1000).get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_preview_renders_the_reminder_for_a_booking_in_local_time() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        bookedClient(client, booking, "preview-" + client + "@example.com");

        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("bookingId", booking.toString())
                .get("/api/v1/notifications/preview")
                .then().statusCode(200)
                .body("type", equalTo("APPOINTMENT_REMINDER")).body("channel", equalTo("EMAIL")).body("locale", equalTo("en"))
                .body("subject", equalTo("Your appointment at Stipple Demo Clinic London on Thursday, 10 June 2027, 10:00 BST"))
                .body("body", containsString("Hello Robin,"))
                .body("body", containsString("Avoid alcohol for 24 hours before."));
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("bookingId", booking.toString()).queryParam("channel", "SMS")
                .queryParam("type", "NEXT_SESSION_PROMPT")
                .get("/api/v1/notifications/preview")
                .then().statusCode(200).body("subject", nullValue()).body("body", containsString("ready for session 2"));
        given().auth().oauth2(Tokens.staff(UUID.randomUUID())).queryParam("bookingId", booking.toString())
                .get("/api/v1/notifications/preview").then().statusCode(404);
        given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/notifications/preview")
                .then().statusCode(400).body("type", equalTo("https://stipple.io/problems/validation-failed"));
        given().auth().oauth2(Tokens.client(clinicId, client)).queryParam("bookingId", booking.toString())
                .get("/api/v1/notifications/preview").then().statusCode(403);
    }

    @Test
    void an_opted_out_channel_is_suppressed_at_send_time() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        String email = "optout-" + client + "@example.com";
        bookedClient(client, booking, email);

        given().auth().oauth2(Tokens.client(clinicId, client)).get("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).header("ETag", "\"0\"").body("optedOutChannels", equalTo(List.of()));
        given().auth().oauth2(Tokens.client(clinicId, client)).contentType(ContentType.JSON)
                .body(Map.of("optedOutChannels", List.of("EMAIL"), "maintenanceTips", false))
                .put("/api/v1/notifications/preferences/" + client).then().statusCode(428);
        given().auth().oauth2(Tokens.client(clinicId, client)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("optedOutChannels", List.of("EMAIL"), "maintenanceTips", false))
                .put("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).header("ETag", "\"1\"").body("optedOutChannels", equalTo(List.of("EMAIL")));
        given().auth().oauth2(Tokens.client(clinicId, UUID.randomUUID())).get("/api/v1/notifications/preferences/" + client)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.staff(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("optedOutChannels", List.of("FAX"), "maintenanceTips", false))
                .put("/api/v1/notifications/preferences/" + client).then().statusCode(400);

        clock.set(Instant.parse("2027-06-08T09:30:00Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder twoDays = Db.remindersOfBooking(booking).get(0);
        assertThat(twoDays.status).isEqualTo(ReminderStatus.SUPPRESSED);
        assertThat(twoDays.statusReason).isEqualTo("OPTED_OUT");
        assertThat(Mails.to(email)).isEmpty();
    }

    @Test
    void erasure_cancels_waiting_reminders_anonymises_the_log_and_ignores_later_events() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        bookedClient(client, booking, "erase-" + client + "@example.com");
        List<UUID> ids = Db.remindersOfBooking(booking).stream().map(r -> r.id).toList();

        Events.publish("client-service", "ClientErased", clinicId, client, data("erasedAt", "2027-06-02T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, client).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> Db.remindersOfClient(client).isEmpty());
        List<ScheduledReminder> anonymised = Db.remindersOfClinic(clinicId).stream().filter(r -> ids.contains(r.id)).toList();
        assertThat(anonymised).hasSize(2).allSatisfy(r -> {
            assertThat(r.status).isEqualTo(ReminderStatus.CANCELLED);
            assertThat(r.statusReason).isEqualTo("CLIENT_ERASED");
            assertThat(r.clientId).isNull();
            assertThat(r.payload).isEqualTo("{}");
        });

        UUID later = UUID.randomUUID();
        var laterEvent = Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", later, "startsAt", "2027-07-10T09:00:00Z", "endsAt", "2027-07-10T11:00:00Z"));
        UUID laterEventId = UUID.fromString(laterEvent.get("id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from inbox_event where event_id = ?1", laterEventId) == 1);
        assertThat(Db.remindersOfBooking(later)).isEmpty();
        assertThat(Db.reminder(client, ReminderType.APPOINTMENT_REMINDER)).isEmpty();
    }
}
