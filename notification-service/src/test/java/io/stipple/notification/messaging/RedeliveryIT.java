package io.stipple.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.service.ReminderDispatcher;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redelivered events (the same event again, or the same fact republished with a new id) change nothing. */
@QuarkusTest
class RedeliveryIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Test
    void the_same_events_again_schedule_and_send_no_second_reminder() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String email = "redelivery-" + client + "@example.com";
        Events.registerClient(clinic, client, "Lee", email, "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinic, client).isPresent());
        clock.set(Instant.parse("2026-12-01T14:00:00Z"));
        UUID session = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        ObjectNode completed = Events.publish("booking-service", "SessionCompleted", clinic, client, data(
                "bookingId", session, "sessionNumber", 1, "finalSession", false, "completedAt", "2026-12-01T13:20:00Z"));
        ObjectNode confirmed = Events.publish("booking-service", "BookingConfirmed", clinic, client, data(
                "bookingId", next, "sessionNumber", 2, "startsAt", "2026-12-20T10:00:00Z", "endsAt", "2026-12-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfClient(client).size() == 6);
        dispatchAll();
        assertThat(Mails.to(email)).hasSize(1); // day-0 aftercare

        // the broker redelivers both; the producer republishes the completion under a new event id
        Events.send("stipple.bookings", completed);
        Events.send("stipple.bookings", confirmed);
        ObjectNode republished = completed.deepCopy();
        republished.put("id", UUID.randomUUID().toString());
        Events.send("stipple.bookings", republished);
        // a marker after them on the same partition (same key): once it is applied, so are they
        UUID marker = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinic, client, data(
                "bookingId", marker, "planId", UUID.randomUUID(), "sessionNumber", 1, "startsAt", "2027-01-20T10:00:00Z",
                "endsAt", "2027-01-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(marker).size() == 2);

        assertThat(Db.remindersOfClient(client)).hasSize(8);
        assertThat(Db.remindersOfBooking(session)).hasSize(4);
        assertThat(Db.remindersOfBooking(next)).hasSize(2);
        dispatchAll();
        assertThat(Mails.to(email)).hasSize(1);
    }

    private void dispatchAll() {
        while (dispatcher.runOnce() > 0) {
            // drain
        }
    }
}
