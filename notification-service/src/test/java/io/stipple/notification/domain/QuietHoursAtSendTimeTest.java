package io.stipple.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours (21:00–08:00, SMS and push) are the recipient's: applied in their zone when appointment reminders are
 * planned, and checked again when a reminder is about to be sent.
 */
class QuietHoursAtSendTimeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final ReminderPlanner planner = new ReminderPlanner(Policies.defaults());

    @Test
    void an_appointment_reminder_is_moved_out_of_the_recipients_night_not_the_clinics() {
        // London clinic, 10:00 GMT appointment; the client lives in New York. The 2-hour SMS falls at 08:00 GMT (fine in
        // London) = 03:00 in New York: moved to just before the client's quiet period began (20:59 EST the evening
        // before), because 08:00 EST would be after the appointment
        Instant startsAt = Instant.parse("2027-03-10T10:00:00Z");
        List<PlannedReminder> planned = planner.appointment(UUID.randomUUID(), startsAt, LONDON, NEW_YORK,
                List.of(Channel.SMS), Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(planned).extracting(p -> p.dedupeKey().split("\\|")[2] + "@" + p.dueAt()).containsExactly(
                "P2D@2027-03-08T13:00:00Z",    // 05:00 EST is quiet too: 08:00 EST, long before the appointment
                "PT2H@2027-03-10T01:59:00Z");
        // the days of the offsets stay the clinic's: 2 days before 10:00 London time
        List<PlannedReminder> email = planner.appointment(UUID.randomUUID(), startsAt, LONDON, NEW_YORK,
                List.of(Channel.EMAIL), Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(email).extracting(PlannedReminder::dueAt).containsExactly(
                Instant.parse("2027-03-08T10:00:00Z"), Instant.parse("2027-03-10T08:00:00Z"));
    }

    @Test
    void the_same_appointment_for_a_recipient_in_the_clinics_zone_keeps_08_00() {
        Instant startsAt = Instant.parse("2027-03-10T10:00:00Z");
        List<PlannedReminder> planned = planner.appointment(UUID.randomUUID(), startsAt, LONDON, LONDON,
                List.of(Channel.SMS), Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(planned).extracting(PlannedReminder::dueAt).containsExactly(
                Instant.parse("2027-03-08T10:00:00Z"), Instant.parse("2027-03-10T08:00:00Z"));
    }

    @Test
    void a_backlog_reminder_found_at_night_waits_for_the_end_of_the_recipients_quiet_period() {
        // 03:00Z is 22:00 EST the evening before: quiet in New York until 08:00 EST = 13:00Z (not 08:00 London time)
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-03-09T03:00:00Z"), NEW_YORK, null))
                .hasValue(new ReminderPlanner.Deferral(Instant.parse("2027-03-09T13:00:00Z"), false));
        assertThat(planner.deferral(Channel.PUSH, Instant.parse("2027-03-09T03:00:00Z"), LONDON, null))
                .hasValue(new ReminderPlanner.Deferral(Instant.parse("2027-03-09T08:00:00Z"), false));
    }

    @Test
    void outside_quiet_hours_or_on_email_it_goes_at_once() {
        // 01:30Z: quiet in London, but 20:30 in New York
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-03-09T01:30:00Z"), NEW_YORK, null)).isEmpty();
        assertThat(planner.deferral(Channel.EMAIL, Instant.parse("2027-03-09T03:00:00Z"), NEW_YORK, null)).isEmpty();
        // 08:00 sharp is no longer quiet
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-03-09T08:00:00Z"), LONDON, null)).isEmpty();
    }

    @Test
    void an_appointment_reminder_that_could_only_go_after_the_appointment_is_too_late() {
        Instant appointment = Instant.parse("2027-03-09T07:30:00Z");
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-03-09T03:00:00Z"), LONDON, appointment))
                .hasValueSatisfying(d -> assertThat(d.tooLate()).isTrue());
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-03-09T03:00:00Z"), LONDON,
                Instant.parse("2027-03-09T09:00:00Z"))).hasValueSatisfying(d -> assertThat(d.tooLate()).isFalse());
    }

    @Test
    void a_recipient_in_a_zone_ahead_is_quiet_while_the_clinic_is_awake() {
        // 12:00Z is 23:00 in Sydney (AEDT): quiet there until 08:00 AEDT = 21:00Z
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-01-15T12:00:00Z"), sydney, null))
                .hasValue(new ReminderPlanner.Deferral(Instant.parse("2027-01-15T21:00:00Z"), false));
        assertThat(planner.deferral(Channel.SMS, Instant.parse("2027-01-15T12:00:00Z"), LONDON, null)).isEmpty();
    }
}
