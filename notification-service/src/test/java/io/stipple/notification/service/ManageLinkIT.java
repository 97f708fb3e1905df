package io.stipple.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking's self-service manage link (BookingConfirmed's {@code manageToken}, booking AsyncAPI 1.1.0) in its
 * appointment reminders; a BookingConfirmed from before 1.1.0 still plans them, without a link. The token stays with the
 * booking: not in the reminder's payload (the delivery log, the export) and shown to staff as a placeholder only.
 */
@QuarkusTest
class ManageLinkIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    private void drain() {
        while (dispatcher.runOnce() > 0) {
            // drain
        }
    }

    @Test
    void the_appointment_reminder_carries_the_manage_link_and_the_token_stays_with_the_booking() {
        UUID client = UUID.randomUUID();
        String email = "manage-" + client + "@example.com";
        Events.registerClient(clinicId, client, "Dana", email, "EMAIL");
        clock.set(Instant.parse("2027-04-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        String token = ("Mt" + UUID.randomUUID().toString().replace("-", "") + "_" + UUID.randomUUID().toString().replace("-", ""))
                .substring(0, 60) + "-abcdefghijklmnopqrstuvw";
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-04-20T09:00:00Z", "endsAt", "2027-04-20T12:00:00Z",
                "manageToken", token));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        assertThat(Db.text("select manage_token from booking where booking_id = ?1", booking)).isEqualTo(token);
        assertThat(Db.remindersOfBooking(booking)).allSatisfy(r -> assertThat(r.payload).doesNotContain(token));

        clock.set(Instant.parse("2027-04-18T09:00:05Z")); // two days before
        drain();
        assertThat(Mails.to(email)).singleElement().extracting(Mails::body).asString()
                .contains("reschedule or cancel this appointment (within the clinic's notice rules): https://app.example/manage/" + token)
                .doesNotContain("please contact");

        // staff preview: where the link goes, not the client's secret
        String preview = given().auth().oauth2(Tokens.staff(clinicId)).queryParam("bookingId", booking)
                .get("/api/v1/notifications/preview").then().statusCode(200).extract().path("body");
        assertThat(preview).contains("https://app.example/manage/{token}").doesNotContain(token);
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("bookingId", booking).queryParam("type", "WAITLIST_OFFER")
                .get("/api/v1/notifications/preview").then().statusCode(400);

        // a reschedule (no token in the event) keeps the booking's link
        Events.publish("booking-service", "BookingRescheduled", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-04-27T09:00:00Z", "endsAt", "2027-04-27T12:00:00Z",
                "previousStartsAt", "2027-04-20T09:00:00Z", "previousEndsAt", "2027-04-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 4);
        clock.set(Instant.parse("2027-04-25T09:00:05Z"));
        drain();
        assertThat(Mails.to(email)).hasSize(2).last().extracting(Mails::body).asString()
                .contains("https://app.example/manage/" + token);
    }

    @Test
    void a_booking_confirmed_without_a_manage_token_still_plans_its_reminders_without_a_link() {
        UUID client = UUID.randomUUID();
        String email = "no-manage-" + client + "@example.com";
        Events.registerClient(clinicId, client, "Noor", email, "EMAIL");
        clock.set(Instant.parse("2027-04-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        ObjectNode event = Events.example("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-04-21T09:00:00Z", "endsAt", "2027-04-21T12:00:00Z"));
        ((ObjectNode) event.get("data")).remove("manageToken"); // published before booking AsyncAPI 1.1.0
        Events.send("stipple.bookings", event);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        assertThat(Db.remindersOfBooking(booking)).extracting(r -> r.status).containsOnly(ReminderStatus.SCHEDULED);
        assertThat(Db.text("select manage_token from booking where booking_id = ?1", booking)).isNull();

        clock.set(Instant.parse("2027-04-19T09:00:05Z"));
        drain();
        assertThat(Mails.to(email)).singleElement().extracting(Mails::body).asString()
                .contains("If you need to change or cancel, please contact")
                .doesNotContain("/manage/");
    }
}
