package io.stipple.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Due times from the policy: time zones, daylight saving, top-up intervals, quiet hours. */
class ReminderPlannerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final ReminderPlanner planner = new ReminderPlanner(Policies.defaults());
    private final UUID booking = UUID.randomUUID();

    @Test
    void appointment_reminders_two_days_before_keep_the_wall_clock_time_across_the_autumn_change() {
        // Monday 26 Oct 2026 10:00 GMT; clocks went back on Sunday 25 Oct at 02:00 BST
        Instant startsAt = Instant.parse("2026-10-26T10:00:00Z");
        List<PlannedReminder> planned = planner.appointment(booking, startsAt, LONDON, List.of(Channel.EMAIL),
                Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(planned).extracting(PlannedReminder::dueAt).containsExactly(
                Instant.parse("2026-10-24T09:00:00Z"),   // Saturday 10:00 BST: same local time, 49 elapsed hours
                Instant.parse("2026-10-26T08:00:00Z"));  // exactly two hours before
        assertThat(planned).allSatisfy(p -> assertThat(p.status()).isEqualTo(ReminderStatus.SCHEDULED));
    }

    @Test
    void appointment_reminders_across_the_spring_change() {
        // Monday 29 Mar 2027 10:00 BST (09:00Z); clocks went forward on Sunday 28 Mar 2027
        Instant startsAt = Instant.parse("2027-03-29T09:00:00Z");
        List<PlannedReminder> planned = planner.appointment(booking, startsAt, LONDON, List.of(Channel.EMAIL),
                Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(planned).extracting(PlannedReminder::dueAt).containsExactly(
                Instant.parse("2027-03-27T10:00:00Z"),   // Saturday 10:00 GMT
                Instant.parse("2027-03-29T07:00:00Z"));
    }

    @Test
    void aftercare_days_are_local_days_at_the_policy_time_across_daylight_saving() {
        // session on Thursday 22 Oct 2026, 15:00 BST
        Instant completedAt = Instant.parse("2026-10-22T14:00:00Z");
        List<PlannedReminder> planned = planner.aftercare(booking, completedAt, LONDON, List.of(Channel.EMAIL));
        assertThat(planned).extracting(p -> p.type() + "@" + p.dueAt()).containsExactly(
                "AFTERCARE_INSTRUCTIONS@2026-10-22T14:00:00Z",
                "AFTERCARE_CHECK_IN@2026-10-25T10:00:00Z",   // Sunday 10:00 GMT, the day the clocks went back
                "HEALED@2026-10-29T10:00:00Z");
    }

    @Test
    void aftercare_in_another_zone_uses_that_zones_days() {
        Instant completedAt = Instant.parse("2026-11-02T03:00:00Z"); // 1 Nov, 22:00 in New York (EST since 1 Nov)
        List<PlannedReminder> planned = planner.aftercare(booking, completedAt, NEW_YORK, List.of(Channel.EMAIL));
        assertThat(planned.get(1).dueAt()).isEqualTo(Instant.parse("2026-11-04T15:00:00Z")); // 4 Nov 10:00 EST
    }

    @Test
    void next_session_prompt_after_the_healing_interval_or_suppressed_when_booked() {
        Instant completedAt = Instant.parse("2026-12-01T13:20:00Z");
        assertThat(planner.nextSessionPrompt(booking, 1, completedAt, 10, LONDON, List.of(Channel.EMAIL), false))
                .singleElement().satisfies(p -> {
                    assertThat(p.dueAt()).isEqualTo(Instant.parse("2026-12-11T10:00:00Z"));
                    assertThat(p.status()).isEqualTo(ReminderStatus.SCHEDULED);
                    assertThat(p.details()).containsEntry("nextSessionNumber", 2);
                });
        assertThat(planner.nextSessionPrompt(booking, 1, completedAt, 10, LONDON, List.of(Channel.EMAIL), true))
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(ReminderStatus.SUPPRESSED);
                    assertThat(p.reason()).isEqualTo(SuppressionReason.NEXT_SESSION_BOOKED);
                });
    }

    @Test
    void top_up_interval_by_sex_and_treatment() {
        Instant completedAt = Instant.parse("2026-12-01T13:20:00Z");
        assertThat(topUp("PERMANENT_SMP", "MALE", "ANDROGENETIC", completedAt)).isEqualTo("TOP_UP@2029-12-01T10:00:00Z");
        assertThat(topUp("PERMANENT_SMP", "FEMALE", "DIFFUSE_THINNING", completedAt)).isEqualTo("TOP_UP@2030-12-01T10:00:00Z");
        assertThat(topUp("PERMANENT_SMP", "UNSPECIFIED", "ANDROGENETIC", completedAt)).isEqualTo("TOP_UP@2029-12-01T10:00:00Z");
        assertThat(topUp("TRICOPIGMENTATION", "MALE", "ANDROGENETIC", completedAt)).isEqualTo("TOP_UP@2027-12-01T10:00:00Z");
        assertThat(topUp("SCAR_CAMOUFLAGE", "FEMALE", "SCAR_FUT", completedAt)).isEqualTo("TOP_UP@2028-12-01T10:00:00Z");
    }

    @Test
    void changeable_conditions_get_a_check_in_instead_of_a_top_up() {
        Instant completedAt = Instant.parse("2026-12-01T13:20:00Z");
        // six months later is 1 June 2027, 10:00 BST
        assertThat(topUp("PERMANENT_SMP", "MALE", "ALOPECIA_AREATA", completedAt)).isEqualTo("TOP_UP_CHECK_IN@2027-06-01T09:00:00Z");
        assertThat(topUp("TRICOPIGMENTATION", "FEMALE", "ALOPECIA_UNIVERSALIS", completedAt))
                .isEqualTo("TOP_UP_CHECK_IN@2027-06-01T09:00:00Z");
    }

    @Test
    void a_treatment_without_an_interval_gets_no_top_up() {
        assertThat(planner.topUp(booking, Instant.now(), "SOMETHING_NEW", "MALE", null, LONDON, List.of(Channel.EMAIL))).isEmpty();
    }

    @Test
    void quiet_hours_move_sms_but_not_email() {
        // appointment at 09:00 GMT: the 2-hour reminder would be 07:00, inside 21:00-08:00
        Instant startsAt = Instant.parse("2026-12-10T09:00:00Z");
        List<PlannedReminder> planned = planner.appointment(booking, startsAt, LONDON, List.of(Channel.EMAIL, Channel.SMS),
                Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(planned).extracting(p -> p.channel() + "@" + p.dueAt()).containsExactly(
                "EMAIL@2026-12-08T09:00:00Z", "SMS@2026-12-08T09:00:00Z",
                "EMAIL@2026-12-10T07:00:00Z", "SMS@2026-12-10T08:00:00Z");
    }

    @Test
    void a_quiet_hours_move_past_the_appointment_goes_back_to_before_the_quiet_period() {
        // appointment at 07:30: 05:30 is quiet and 08:00 is too late, so the evening before at 20:59
        Instant startsAt = Instant.parse("2026-12-10T07:30:00Z");
        List<PlannedReminder> planned = planner.appointment(booking, startsAt, LONDON, List.of(Channel.SMS),
                Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(planned.get(1).dueAt()).isEqualTo(Instant.parse("2026-12-09T20:59:00Z"));
    }

    @Test
    void a_reminder_already_due_when_booked_is_suppressed_as_too_late() {
        Instant startsAt = Instant.parse("2026-12-10T09:00:00Z");
        List<PlannedReminder> planned = planner.appointment(booking, startsAt, LONDON, List.of(Channel.EMAIL),
                Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(planned).extracting(PlannedReminder::status).containsExactly(ReminderStatus.SUPPRESSED, ReminderStatus.SCHEDULED);
        assertThat(planned.get(0).reason()).isEqualTo(SuppressionReason.TOO_LATE);
    }

    @Test
    void dedupe_keys_are_stable_per_fact_and_channel() {
        Instant startsAt = Instant.parse("2026-12-10T09:00:00Z");
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        List<String> first = planner.appointment(booking, startsAt, LONDON, List.of(Channel.EMAIL, Channel.SMS), now)
                .stream().map(PlannedReminder::dedupeKey).toList();
        List<String> again = planner.appointment(booking, startsAt, LONDON, List.of(Channel.EMAIL, Channel.SMS), now.plusSeconds(60))
                .stream().map(PlannedReminder::dedupeKey).toList();
        assertThat(first).doesNotHaveDuplicates().isEqualTo(again);
        List<String> moved = planner.appointment(booking, startsAt.plusSeconds(3600), LONDON, List.of(Channel.EMAIL, Channel.SMS), now)
                .stream().map(PlannedReminder::dedupeKey).toList();
        assertThat(moved).doesNotContainAnyElementsOf(first);
    }

    @Test
    void maintenance_tips_only_when_switched_on() {
        assertThat(planner.maintenanceTips(booking, Instant.parse("2026-12-01T13:00:00Z"), LONDON, List.of(Channel.EMAIL))).isEmpty();
        PolicyRules d = Policies.defaults();
        PolicyRules on = new PolicyRules(d.appointmentReminders(), d.aftercare(), d.nextSessionPrompt(), d.topUp(),
                new PolicyRules.MaintenanceTips(true, 3, 6, 2, "10:00"), d.quietHours());
        assertThat(new ReminderPlanner(on).maintenanceTips(booking, Instant.parse("2026-12-01T13:00:00Z"), LONDON, List.of(Channel.EMAIL)))
                .extracting(p -> p.dueAt().toString()).containsExactly("2027-03-01T10:00:00Z", "2027-09-01T09:00:00Z");
    }

    @Test
    void a_waitlist_offer_is_due_at_once_and_never_planned_past_its_expiry() {
        UUID offer = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        Instant now = Instant.parse("2027-03-10T14:00:00Z"); // 14:00 GMT: no quiet hours
        List<PlannedReminder> open = planner.waitlistOffer(offer, entry, now.plusSeconds(1800), LONDON,
                List.of(Channel.EMAIL, Channel.SMS), now);
        assertThat(open).extracting(p -> p.channel() + "@" + p.dueAt() + "/" + p.status()).containsExactly(
                "EMAIL@2027-03-10T14:00:00Z/SCHEDULED", "SMS@2027-03-10T14:00:00Z/SCHEDULED");
        assertThat(open).extracting(PlannedReminder::dedupeKey).containsExactly(
                "WAITLIST_OFFER|" + offer + "|" + entry + "|EMAIL", "WAITLIST_OFFER|" + offer + "|" + entry + "|SMS");

        // already over when the event is applied: logged, not sent
        assertThat(planner.waitlistOffer(offer, entry, now, LONDON, List.of(Channel.EMAIL), now))
                .extracting(p -> p.status() + "/" + p.reason()).containsExactly("SUPPRESSED/OFFER_EXPIRED");

        // 22:30 in London: e-mail goes now; the SMS would wait for 08:00, after the offer's 23:00 expiry
        Instant night = Instant.parse("2027-03-10T22:30:00Z");
        assertThat(planner.waitlistOffer(offer, entry, night.plusSeconds(1800), LONDON, List.of(Channel.EMAIL, Channel.SMS), night))
                .extracting(p -> p.channel() + "/" + p.status() + "/" + p.reason())
                .containsExactly("EMAIL/SCHEDULED/null", "SMS/SUPPRESSED/TOO_LATE");
        // an offer open until the next afternoon: the SMS waits for the end of the recipient's quiet hours
        assertThat(planner.waitlistOffer(offer, entry, night.plusSeconds(16 * 3600), LONDON, List.of(Channel.SMS), night))
                .extracting(p -> p.dueAt() + "/" + p.status()).containsExactly("2027-03-11T08:00:00Z/SCHEDULED");
    }

    @Test
    void a_receipt_is_due_at_once_sms_and_push_after_the_recipients_quiet_hours_never_suppressed() {
        UUID payment = UUID.randomUUID();
        Instant paidAt = Instant.parse("2027-03-10T22:29:30Z");
        Instant night = Instant.parse("2027-03-10T22:30:00Z"); // 22:30 in London, 17:30 in New York
        assertThat(planner.receipt(ReminderType.DEPOSIT_RECEIPT, payment, paidAt, LONDON,
                List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH), night))
                .extracting(p -> p.channel() + "@" + p.dueAt() + "/" + p.status()).containsExactly(
                        "EMAIL@2027-03-10T22:30:00Z/SCHEDULED",
                        "SMS@2027-03-11T08:00:00Z/SCHEDULED",   // no deadline: it waits for the morning
                        "PUSH@2027-03-11T08:00:00Z/SCHEDULED");
        assertThat(planner.receipt(ReminderType.FEE_RECEIPT, payment, paidAt, NEW_YORK, List.of(Channel.SMS), night))
                .extracting(p -> p.dueAt() + "|" + p.dedupeKey())
                .containsExactly(night + "|FEE_RECEIPT|" + payment + "|" + paidAt.getEpochSecond() + "|SMS");
        assertThatThrownBy(() -> planner.receipt(ReminderType.TOP_UP, payment, paidAt, LONDON, List.of(Channel.SMS), night))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String topUp(String treatment, String sex, String condition, Instant completedAt) {
        List<PlannedReminder> planned = planner.topUp(booking, completedAt, treatment, sex, condition, LONDON, List.of(Channel.EMAIL));
        assertThat(planned).hasSize(1);
        return planned.get(0).type() + "@" + planned.get(0).dueAt();
    }
}
