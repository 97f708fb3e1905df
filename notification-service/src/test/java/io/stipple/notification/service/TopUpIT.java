package io.stipple.notification.service;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** After the final session: the top-up by sex and treatment, a check-in for alopecia, re-armed after each top-up. */
@QuarkusTest
class TopUpIT {

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    private ScheduledReminder finalSession(UUID client, String treatment, String sex, String condition) {
        if (Db.contact(clinicId, client).isEmpty()) Events.knownClient(clinicId, client);
        Events.publish("booking-service", "SessionCompleted", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "planId", UUID.randomUUID(), "treatmentType", treatment, "clientSex", sex,
                "condition", condition, "sessionNumber", 3, "plannedSessions", 3, "finalSession", true,
                "completedAt", "2026-12-01T13:20:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.remindersOfClient(client).stream().anyMatch(r -> r.type.isTopUp()));
        return Db.remindersOfClient(client).stream().filter(r -> r.type.isTopUp()).findFirst().orElseThrow();
    }

    @Test
    void the_final_session_schedules_the_top_up_for_the_right_date_by_sex_and_treatment() {
        clock.set(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(finalSession(UUID.randomUUID(), "PERMANENT_SMP", "MALE", "ANDROGENETIC"))
                .satisfies(r -> assertThat(r.type + "@" + r.dueAt).isEqualTo("TOP_UP@2029-12-01T10:00:00Z"));
        assertThat(finalSession(UUID.randomUUID(), "PERMANENT_SMP", "FEMALE", "DIFFUSE_THINNING"))
                .satisfies(r -> assertThat(r.type + "@" + r.dueAt).isEqualTo("TOP_UP@2030-12-01T10:00:00Z"));
        assertThat(finalSession(UUID.randomUUID(), "TRICOPIGMENTATION", "MALE", "ANDROGENETIC"))
                .satisfies(r -> assertThat(r.type + "@" + r.dueAt).isEqualTo("TOP_UP@2027-12-01T10:00:00Z"));
        assertThat(finalSession(UUID.randomUUID(), "SCAR_CAMOUFLAGE", "MALE", "SCAR_FUT"))
                .satisfies(r -> assertThat(r.type + "@" + r.dueAt).isEqualTo("TOP_UP@2028-12-01T10:00:00Z"));
        // alopecia changes: a check-in after six months (1 June 2027, 10:00 BST) instead of a top-up push
        assertThat(finalSession(UUID.randomUUID(), "PERMANENT_SMP", "MALE", "ALOPECIA_AREATA"))
                .satisfies(r -> assertThat(r.type + "@" + r.dueAt).isEqualTo("TOP_UP_CHECK_IN@2027-06-01T09:00:00Z"));
    }

    @Test
    void a_booking_cancels_the_pending_top_up_and_the_completed_top_up_re_arms_it() {
        clock.set(Instant.parse("2026-12-01T14:00:00Z"));
        UUID client = UUID.randomUUID();
        ScheduledReminder first = finalSession(client, "PERMANENT_SMP", "MALE", "ANDROGENETIC");

        clock.set(Instant.parse("2029-10-01T09:00:00Z"));
        UUID topUpBooking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", topUpBooking, "kind", "TOP_UP", "planId", null, "sessionNumber", null,
                "startsAt", "2029-10-15T10:00:00Z", "endsAt", "2029-10-15T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.reminder(client, ReminderType.TOP_UP).orElseThrow().status == ReminderStatus.CANCELLED);
        assertThat(Db.reminder(client, ReminderType.TOP_UP).orElseThrow().statusReason).isEqualTo("BOOKING_MADE");

        Events.publish("booking-service", "SessionCompleted", clinicId, client, data(
                "bookingId", topUpBooking, "kind", "TOP_UP", "planId", null, "sessionNumber", null, "finalSession", false,
                "treatmentType", "PERMANENT_SMP", "clientSex", "MALE", "completedAt", "2029-10-15T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.remindersOfClient(client).stream().filter(r -> r.type == ReminderType.TOP_UP).count() == 2);
        List<ScheduledReminder> topUps = Db.remindersOfClient(client).stream().filter(r -> r.type == ReminderType.TOP_UP).toList();
        assertThat(topUps).extracting(r -> r.status + "@" + r.dueAt).containsExactly(
                "CANCELLED@" + first.dueAt,
                "SCHEDULED@2032-10-15T09:00:00Z"); // 36 months after the top-up, 10:00 BST
        // no "book your next session" after a top-up
        assertThat(Db.reminder(client, ReminderType.NEXT_SESSION_PROMPT)).isEmpty();
    }
}
