package io.stipple.notification.service;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Due times around the clock changes, from the documented events through Kafka into PostgreSQL. */
@QuarkusTest
class DaylightSavingIT {

    @Inject
    MutableClock clock;

    @Test
    void due_times_stay_on_local_wall_clock_time_across_the_autumn_and_spring_changes() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        Events.registerClient(clinic, client, "Alex", "dst-" + client + "@example.com", "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinic, client).isPresent());
        clock.set(Instant.parse("2026-10-22T14:05:00Z"));

        // Thursday 22 Oct 2026 15:00 BST; UK clocks go back on Sunday 25 Oct
        UUID session = UUID.randomUUID();
        Events.publish("booking-service", "SessionCompleted", clinic, client, data(
                "bookingId", session, "sessionNumber", 1, "finalSession", false, "healingIntervalDays", 7,
                "completedAt", "2026-10-22T14:00:00Z"));
        // Monday 26 Oct 10:00 GMT
        UUID next = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinic, client, data(
                "bookingId", next, "planId", UUID.randomUUID(), "sessionNumber", 1,
                "startsAt", "2026-10-26T10:00:00Z", "endsAt", "2026-10-26T12:00:00Z"));
        // Monday 29 Mar 2027 10:00 BST; clocks go forward on Sunday 28 Mar
        UUID spring = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinic, client, data(
                "bookingId", spring, "planId", UUID.randomUUID(), "sessionNumber", 1,
                "startsAt", "2027-03-29T09:00:00Z", "endsAt", "2027-03-29T11:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(session).size() == 4
                && Db.remindersOfBooking(next).size() == 2 && Db.remindersOfBooking(spring).size() == 2);

        assertThat(Db.remindersOfBooking(session)).extracting(r -> r.type + "@" + r.dueAt).containsExactly(
                "AFTERCARE_INSTRUCTIONS@2026-10-22T14:00:00Z",
                "AFTERCARE_CHECK_IN@2026-10-25T10:00:00Z",      // 10:00 GMT on the day the clocks went back
                "HEALED@2026-10-29T10:00:00Z",
                "NEXT_SESSION_PROMPT@2026-10-29T10:00:00Z");
        assertThat(Db.remindersOfBooking(next)).extracting(r -> r.dueAt.toString()).containsExactly(
                "2026-10-24T09:00:00Z",     // Saturday 10:00 BST: two days before at the same local time
                "2026-10-26T08:00:00Z");
        assertThat(Db.remindersOfBooking(spring)).extracting(r -> r.dueAt.toString()).containsExactly(
                "2027-03-27T10:00:00Z",     // Saturday 10:00 GMT
                "2027-03-29T07:00:00Z");
    }
}
