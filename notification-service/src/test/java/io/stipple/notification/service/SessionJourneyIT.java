package io.stipple.notification.service;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a completed session to the healing journey, over real Kafka, PostgreSQL and SMTP: the documented
 * SessionCompleted example (session 1 of 3) schedules the aftercare timeline and the next-session prompt;
 * a BookingConfirmed for session 2 suppresses the prompt; the emails arrive at the SMTP server.
 */
@QuarkusTest
class SessionJourneyIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private final UUID planId = UUID.randomUUID();
    private final String email = "journey-" + clientId + "@example.com";

    @Test
    void session_one_of_three_schedules_aftercare_and_prompt_and_booking_session_two_suppresses_the_prompt() throws Exception {
        Events.registerClient(clinicId, clientId, "Daniel", email, "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, clientId).isPresent());

        UUID session1 = UUID.randomUUID();
        Instant completedAt = Instant.parse("2026-12-01T13:20:00Z");
        clock.set(completedAt.plusSeconds(60));
        Events.publish("booking-service", "SessionCompleted", clinicId, clientId, data(
                "bookingId", session1, "planId", planId, "sessionNumber", 1, "plannedSessions", 3, "finalSession", false,
                "healingIntervalDays", 7, "completedAt", completedAt.toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(session1).size() == 4);
        List<ScheduledReminder> planned = Db.remindersOfBooking(session1);
        assertThat(planned).allSatisfy(r -> {
            assertThat(r.status).isEqualTo(ReminderStatus.SCHEDULED);
            assertThat(r.channel).isEqualTo(Channel.EMAIL);
        });
        assertThat(planned).extracting(r -> r.type + "@" + r.dueAt).containsExactly(
                "AFTERCARE_INSTRUCTIONS@2026-12-01T13:20:00Z",   // day 0: right after the session
                "AFTERCARE_CHECK_IN@2026-12-04T10:00:00Z",       // day 3, 10:00 London (GMT)
                "HEALED@2026-12-08T10:00:00Z",                    // day 7
                "NEXT_SESSION_PROMPT@2026-12-08T10:00:00Z");      // healing interval of 7 days

        // day 0 instructions go out at once
        dispatchAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(email).size() == 1);
        MimeMessage instructions = Mails.to(email).get(0);
        assertThat(Mails.subject(instructions)).isEqualTo("Your aftercare after today's session at Stipple Demo Clinic London");
        assertThat(Mails.body(instructions)).contains("Hello Daniel,").contains("keep the treated area dry");
        assertThat(Mails.header(instructions, "Message-ID")).endsWith("@notifications.stipple.io>");
        assertThat(Db.reminder(clientId, ReminderType.AFTERCARE_INSTRUCTIONS).orElseThrow().status).isEqualTo(ReminderStatus.SENT);

        // session 2 gets booked: the prompt is pointless now
        UUID session2 = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, clientId, data(
                "bookingId", session2, "planId", planId, "sessionNumber", 2, "startsAt", "2026-12-10T10:00:00Z",
                "endsAt", "2026-12-10T13:00:00Z", "preparationNotes", "Shave your head the evening before."));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.reminder(clientId, ReminderType.NEXT_SESSION_PROMPT).orElseThrow().status == ReminderStatus.SUPPRESSED);
        assertThat(Db.reminder(clientId, ReminderType.NEXT_SESSION_PROMPT).orElseThrow().statusReason).isEqualTo("NEXT_SESSION_BOOKED");
        assertThat(Db.remindersOfBooking(session2)).extracting(r -> r.type + "@" + r.dueAt).containsExactly(
                "APPOINTMENT_REMINDER@2026-12-08T10:00:00Z",     // P2D: two days before, same local time
                "APPOINTMENT_REMINDER@2026-12-10T08:00:00Z");    // PT2H

        // a week later: "healed" and the 2-day appointment reminder go out, the prompt does not
        clock.set(Instant.parse("2026-12-08T10:00:30Z"));
        dispatchAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(email).size() == 4);
        List<String> subjects = Mails.to(email).stream().map(Mails::subject).toList();
        assertThat(subjects).containsExactlyInAnyOrder(
                "Your aftercare after today's session at Stipple Demo Clinic London",
                "How is your scalp healing, Daniel?",
                "Your skin has healed",
                "Your appointment at Stipple Demo Clinic London on Thursday, 10 December 2026, 10:00 GMT");
        MimeMessage appointment = Mails.to(email).stream()
                .filter(m -> Mails.subject(m).startsWith("Your appointment")).findFirst().orElseThrow();
        assertThat(Mails.body(appointment)).contains("Shave your head the evening before.");
        assertThat(Db.reminder(clientId, ReminderType.NEXT_SESSION_PROMPT).orElseThrow().status).isEqualTo(ReminderStatus.SUPPRESSED);
    }

    @Test
    void prompt_is_suppressed_from_the_start_when_the_next_session_was_booked_before_the_session_completed() {
        UUID client = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Events.registerClient(clinicId, client, "Ana", "early-" + client + "@example.com", "EMAIL");
        clock.set(Instant.parse("2026-12-01T13:30:00Z"));
        UUID session2 = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", session2, "planId", plan, "sessionNumber", 2, "startsAt", "2026-12-15T10:00:00Z",
                "endsAt", "2026-12-15T13:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(session2).size() == 2);

        UUID session1 = UUID.randomUUID();
        Events.publish("booking-service", "SessionCompleted", clinicId, client, data(
                "bookingId", session1, "planId", plan, "sessionNumber", 1, "finalSession", false,
                "completedAt", "2026-12-01T13:20:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.reminder(client, ReminderType.NEXT_SESSION_PROMPT).isPresent());
        ScheduledReminder prompt = Db.reminder(client, ReminderType.NEXT_SESSION_PROMPT).orElseThrow();
        assertThat(prompt.status).isEqualTo(ReminderStatus.SUPPRESSED);
        assertThat(prompt.statusReason).isEqualTo("NEXT_SESSION_BOOKED");
    }

    private void dispatchAll() {
        while (dispatcher.runOnce() > 0) {
            // until nothing due is left
        }
    }
}
