package io.stipple.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.platform.inbox.InboxMonitor;
import io.stipple.testinfra.MutableClock;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
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

/**
 * Booking events and client events travel on different topics: a BookingConfirmed may be consumed before the
 * client's ClientRegistered. It is held back (notification.unknown-client-hold, 6 s in the tests) instead of being
 * ignored, planned as usual once the client is known, dead-lettered with the reason if the client never appears, and
 * replayed by the admin once it has. An erased client is not waited for.
 */
@QuarkusTest
class UnknownClientHoldIT {

    @Inject
    InboxMonitor monitor;

    @Inject
    MutableClock clock;

    private final UUID clinic = UUID.randomUUID();

    private boolean held(ObjectNode event) {
        String id = event.get("id").asText();
        return monitor.retrying().stream()
                .anyMatch(r -> id.equals(r.eventId()) && r.kind() == InboxMonitor.Kind.NOT_YET_APPLICABLE);
    }

    private static boolean applied(ObjectNode event) {
        return Db.count("select count(*) from inbox_event where event_id = ?1", UUID.fromString(event.get("id").asText())) == 1;
    }

    private ObjectNode confirmed(UUID client, UUID booking, long sequence) {
        ObjectNode event = Events.example("booking-service", "BookingConfirmed", clinic, client, data(
                "bookingId", booking, "startsAt", "2027-06-10T10:00:00Z", "endsAt", "2027-06-10T12:00:00Z"));
        event.put("subjectsequence", sequence);
        Events.send("stipple.bookings", event);
        return event;
    }

    private JsonPath replay() {
        return given().auth().oauth2(Tokens.admin(clinic)).post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> outcome(JsonPath report, ObjectNode event) {
        List<Map<String, Object>> events = report.getList("events");
        return events.stream().filter(e -> event.get("id").asText().equals(e.get("eventId"))).findFirst()
                .orElseThrow(() -> new AssertionError(event.get("id") + " not in the replay report " + events));
    }

    @Test
    void a_booking_confirmed_before_the_client_registered_is_held_and_planned_once_the_client_arrives() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        ObjectNode event = confirmed(client, booking, 1);

        // held back, not ignored: the inbox shows it waiting for the client
        await().atMost(Duration.ofSeconds(30)).until(() -> held(event));
        assertThat(Db.remindersOfBooking(booking)).isEmpty();
        assertThat(monitor.retrying().stream().filter(r -> r.eventId().equals(event.get("id").asText())).findFirst()
                .orElseThrow().lastFailure()).contains("client " + client + " unknown in clinic " + clinic);

        // the client consumer catches up: the held event applies and the appointment reminders exist
        Events.registerClient(clinic, client, "Ari", "late-" + client + "@example.com", "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        assertThat(Db.remindersOfBooking(booking)).extracting(r -> r.channel.name()).containsOnly("EMAIL");
        assertThat(applied(event)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !held(event));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void a_booking_event_whose_client_never_appears_is_dead_lettered_after_the_hold_and_replayed_once_it_has() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID cancelledMeanwhile = UUID.randomUUID();
        ObjectNode first = confirmed(client, booking, 1);
        ObjectNode second = confirmed(client, cancelledMeanwhile, 2);
        ObjectNode cancelled = Events.example("booking-service", "BookingCancelled", clinic, client,
                data("bookingId", cancelledMeanwhile));
        cancelled.put("subjectsequence", 3);
        Events.send("stipple.bookings", cancelled);

        String reason = "client " + client + " unknown in clinic " + clinic;
        try (TopicProbe probe = new TopicProbe(StippleInfra.get().kafka().bootstrapServers(),
                "stipple.dlq.notification-service")) {
            var dead = probe.awaitRecords(r -> client.toString().equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason")).containsOnly(reason + " after PT6S");
        }
        // the cancellation (nothing to plan) was waiting behind them and applies
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(cancelled));
        assertThat(applied(first)).isFalse();
        assertThat(Db.remindersOfClient(client)).isEmpty();
        List<Map<String, Object>> listed = given().auth().oauth2(Tokens.admin(clinic)).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).extracting(d -> d.get("reason")).containsExactly(reason + " after PT6S", reason + " after PT6S");

        // replayed while the client is still unknown: not held for the request's sake (two holds would be 12 s),
        // failed at once with the reason
        long started = System.nanoTime();
        JsonPath early = replay();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
        assertThat(outcome(early, first)).containsEntry("outcome", "FAILED").containsEntry("reason",
                "NotYetApplicableException: " + reason);
        // the booking cancelled meanwhile (a later event of it was applied): its confirmation is superseded, applied
        // without waiting for the client, and plans nothing
        assertThat(outcome(early, second)).containsEntry("outcome", "APPLIED");
        assertThat(Db.remindersOfClient(client)).isEmpty();

        Events.registerClient(clinic, client, "Bo", "never-" + client + "@example.com", "EMAIL");
        JsonPath report = replay();
        assertThat(outcome(report, first)).containsEntry("outcome", "APPLIED");
        assertThat(Db.remindersOfBooking(booking)).hasSize(2).extracting(r -> r.status.name()).containsOnly("SCHEDULED");
        assertThat(outcome(report, second)).containsEntry("outcome", "ALREADY_APPLIED");
        assertThat(Db.remindersOfBooking(cancelledMeanwhile)).isEmpty();

        JsonPath again = replay();
        assertThat(outcome(again, first)).containsEntry("outcome", "ALREADY_APPLIED");
        assertThat(Db.remindersOfBooking(booking)).hasSize(2);
    }

    @Test
    void a_booking_event_for_an_erased_client_is_not_held_and_plans_no_reminders() {
        clock.set(Instant.parse("2027-06-01T09:00:00Z"));
        UUID client = Events.knownClient(clinic, UUID.randomUUID());
        Events.publish("client-service", "ClientErased", clinic, client, data("erasedAt", "2027-05-31T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinic, client).isEmpty()
                && Db.count("select count(*) from erased_client where client_id = ?1", client) == 1);

        UUID booking = UUID.randomUUID();
        ObjectNode event = confirmed(client, booking, 1);
        // applied, skipped for reminders: an event held for an unknown client would end dead-lettered, never applied
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(event));
        assertThat(Db.remindersOfBooking(booking)).isEmpty();
        assertThat(Db.count("select count(*) from booking where booking_id = ?1", booking)).isZero();
        assertThat(given().auth().oauth2(Tokens.admin(clinic)).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("eventId", String.class))
                .doesNotContain(event.get("id").asText());
    }
}
