package io.stipple.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns facts (a booking, a completed session) into the reminders a clinic's policy asks for, with due
 * times in the recipient's zone and quiet hours applied per channel. Pure: no clock but the {@code now}
 * it is given, no database.
 */
public final class ReminderPlanner {

    private final PolicyRules rules;
    private final QuietHours quietHours;

    public ReminderPlanner(PolicyRules rules) {
        this.rules = rules;
        this.quietHours = rules.quietHours().toQuietHours();
    }

    /** Reminders before an appointment, the recipient in the clinic's zone (see the six-argument form). */
    public List<PlannedReminder> appointment(UUID bookingId, Instant startsAt, ZoneId zone, List<Channel> channels, Instant now) {
        return appointment(bookingId, startsAt, zone, zone, channels, now);
    }

    /**
     * Reminders before an appointment; one already past its due time is planned as suppressed (too late). Whole-day
     * offsets are calendar days of the clinic ({@code zone}: the client comes to the clinic); quiet hours are the
     * recipient's ({@code recipientZone}: the phone rings where the client is).
     */
    public List<PlannedReminder> appointment(UUID bookingId, Instant startsAt, ZoneId zone, ZoneId recipientZone,
                                             List<Channel> channels, Instant now) {
        List<PlannedReminder> planned = new ArrayList<>();
        if (!rules.appointmentReminders().enabled()) return planned;
        for (ReminderOffset offset : rules.appointmentReminders().parsedOffsets()) {
            Instant due = offset.before(startsAt, zone);
            for (Channel channel : channels) {
                Instant at = quietHours.adjust(channel, due, recipientZone, startsAt);
                String key = String.join("|", ReminderType.APPOINTMENT_REMINDER.name(), bookingId.toString(), offset.text(),
                        Long.toString(startsAt.getEpochSecond()), channel.name());
                PlannedReminder reminder = PlannedReminder.scheduled(ReminderType.APPOINTMENT_REMINDER, channel, at, key,
                        details("offset", offset.text()));
                planned.add(at.isAfter(now) && at.isBefore(startsAt) ? reminder : reminder.suppressed(SuppressionReason.TOO_LATE));
            }
        }
        return planned;
    }

    /** The aftercare timeline after a session: day 0 at completion, later days at the policy's local time. */
    public List<PlannedReminder> aftercare(UUID bookingId, Instant completedAt, ZoneId zone, List<Channel> channels) {
        List<PlannedReminder> planned = new ArrayList<>();
        PolicyRules.Aftercare aftercare = rules.aftercare();
        if (!aftercare.enabled()) return planned;
        LocalDate day0 = completedAt.atZone(zone).toLocalDate();
        for (PolicyRules.AftercareStep step : aftercare.steps()) {
            Instant due = step.immediately() ? completedAt
                    : PolicyRules.at(day0.plusDays(step.day()), aftercare.sendAt(), zone);
            if (due.isBefore(completedAt)) due = completedAt; // "day 0 at 10:00" for a session that ended at 15:00
            for (Channel channel : channels) {
                Instant at = quietHours.adjust(channel, due, zone, null);
                String key = String.join("|", step.type().name(), bookingId.toString(), "d" + step.day(), channel.name());
                planned.add(PlannedReminder.scheduled(step.type(), channel, at, key, details("day", step.day())));
            }
        }
        return planned;
    }

    /**
     * "Ready for your next session" once the healing interval has passed after a session that was not the
     * last; planned as suppressed when the next session is already booked.
     */
    public List<PlannedReminder> nextSessionPrompt(UUID bookingId, int sessionNumber, Instant completedAt, int healingIntervalDays,
                                                   ZoneId zone, List<Channel> channels, boolean nextSessionBooked) {
        List<PlannedReminder> planned = new ArrayList<>();
        if (!rules.nextSessionPrompt().enabled()) return planned;
        LocalDate healed = completedAt.atZone(zone).toLocalDate().plusDays(healingIntervalDays);
        Instant due = PolicyRules.at(healed, rules.nextSessionPrompt().sendAt(), zone);
        for (Channel channel : channels) {
            Instant at = quietHours.adjust(channel, due, zone, null);
            String key = String.join("|", ReminderType.NEXT_SESSION_PROMPT.name(), bookingId.toString(), channel.name());
            PlannedReminder reminder = PlannedReminder.scheduled(ReminderType.NEXT_SESSION_PROMPT, channel, at, key,
                    details("nextSessionNumber", sessionNumber + 1, "healingIntervalDays", healingIntervalDays));
            planned.add(nextSessionBooked ? reminder.suppressed(SuppressionReason.NEXT_SESSION_BOOKED) : reminder);
        }
        return planned;
    }

    /**
     * The top-up after the final session (or after a top-up, re-arming it): months by treatment type and
     * sex; a check-in instead where the condition is changeable. Empty when the policy has no interval.
     */
    public List<PlannedReminder> topUp(UUID bookingId, Instant completedAt, String treatmentType, String sex, String condition,
                                       ZoneId zone, List<Channel> channels) {
        List<PlannedReminder> planned = new ArrayList<>();
        PolicyRules.TopUp topUp = rules.topUp();
        if (!topUp.enabled()) return planned;
        ReminderType type;
        int months;
        if (topUp.isChangeable(condition)) {
            type = ReminderType.TOP_UP_CHECK_IN;
            months = topUp.checkInMonths();
        } else {
            var interval = topUp.monthsFor(treatmentType, sex);
            if (interval.isEmpty()) return planned;
            type = ReminderType.TOP_UP;
            months = interval.get();
        }
        LocalDate date = completedAt.atZone(zone).toLocalDate().plusMonths(months);
        Instant due = PolicyRules.at(date, topUp.sendAt(), zone);
        for (Channel channel : channels) {
            Instant at = quietHours.adjust(channel, due, zone, null);
            String key = String.join("|", type.name(), bookingId.toString(), channel.name());
            planned.add(PlannedReminder.scheduled(type, channel, at, key, details("months", months, "treatmentType", treatmentType)));
        }
        return planned;
    }

    /** Maintenance tips after the final session, when the clinic has switched them on. */
    public List<PlannedReminder> maintenanceTips(UUID bookingId, Instant completedAt, ZoneId zone, List<Channel> channels) {
        List<PlannedReminder> planned = new ArrayList<>();
        PolicyRules.MaintenanceTips tips = rules.maintenanceTips();
        if (!tips.enabled()) return planned;
        LocalDate day0 = completedAt.atZone(zone).toLocalDate();
        for (int n = 1; n <= tips.count(); n++) {
            LocalDate date = day0.plusMonths(tips.firstAfterMonths() + (long) (n - 1) * tips.everyMonths());
            Instant due = PolicyRules.at(date, tips.sendAt(), zone);
            for (Channel channel : channels) {
                Instant at = quietHours.adjust(channel, due, zone, null);
                String key = String.join("|", ReminderType.MAINTENANCE_TIP.name(), bookingId.toString(), "n" + n, channel.name());
                planned.add(PlannedReminder.scheduled(ReminderType.MAINTENANCE_TIP, channel, at, key, details("tipNumber", n)));
            }
        }
        return planned;
    }

    /**
     * A waitlist offer's message, due {@code now} on every channel (an offer is worth something only while it is open),
     * or at the end of the recipient's quiet hours on SMS and push. One that could then only arrive when the offer is
     * over is planned as suppressed: {@code OFFER_EXPIRED} when it already is, {@code TOO_LATE} when quiet hours last
     * beyond it. {@code entryId} (the client's waitlist entry) keeps the keys of one offer made to several clients apart.
     */
    public List<PlannedReminder> waitlistOffer(UUID offerId, UUID entryId, Instant expiresAt, ZoneId recipientZone,
                                               List<Channel> channels, Instant now) {
        List<PlannedReminder> planned = new ArrayList<>();
        for (Channel channel : channels) {
            Optional<Deferral> quiet = deferral(channel, now, recipientZone, expiresAt);
            Instant at = quiet.map(Deferral::until).orElse(now);
            String key = String.join("|", ReminderType.WAITLIST_OFFER.name(), offerId.toString(),
                    entryId == null ? "-" : entryId.toString(), channel.name());
            PlannedReminder reminder = PlannedReminder.scheduled(ReminderType.WAITLIST_OFFER, channel, at, key, Map.of());
            if (!now.isBefore(expiresAt)) {
                planned.add(reminder.suppressed(SuppressionReason.OFFER_EXPIRED));
            } else {
                planned.add(quiet.isPresent() && quiet.get().tooLate() ? reminder.suppressed(SuppressionReason.TOO_LATE) : reminder);
            }
        }
        return planned;
    }

    /**
     * A payment receipt ({@code type} one of the {@linkplain ReminderType#isReceipt() receipts}), due {@code now} on
     * every channel; on SMS and push at the end of the recipient's quiet hours when they are on (a receipt has no
     * deadline, so it waits rather than ringing at night). The key holds the payment and when it happened
     * ({@code at}: paid, refunded or charged), so the same fact published again adds nothing.
     */
    public List<PlannedReminder> receipt(ReminderType type, UUID paymentId, Instant at, ZoneId recipientZone,
                                         List<Channel> channels, Instant now) {
        if (!type.isReceipt()) throw new IllegalArgumentException(type + " is no receipt");
        List<PlannedReminder> planned = new ArrayList<>();
        for (Channel channel : channels) {
            String key = String.join("|", type.name(), paymentId.toString(), Long.toString(at.getEpochSecond()), channel.name());
            planned.add(PlannedReminder.scheduled(type, channel, quietHours.adjust(channel, now, recipientZone, null), key,
                    Map.of()));
        }
        return planned;
    }

    /** When a transient failure is retried: after the backoff, outside quiet hours. */
    public Instant retryAt(Channel channel, Instant earliest, ZoneId zone) {
        return quietHours.adjust(channel, earliest, zone, null);
    }

    /**
     * Checked again when sending (a reminder may be sent long after it was due, e.g. a backlog after an outage):
     * empty when it may go {@code now}; otherwise it waits until the end of the quiet period in
     * {@code recipientZone} — or, for a reminder that had to arrive before {@code deadline} (the appointment) and
     * cannot any more, it is too late.
     */
    public Optional<Deferral> deferral(Channel channel, Instant now, ZoneId recipientZone, Instant deadline) {
        if (!quietHours.appliesTo(channel) || !quietHours.isQuiet(now.atZone(recipientZone).toLocalTime())) {
            return Optional.empty();
        }
        Instant next = quietHours.nextAllowed(now, recipientZone);
        return Optional.of(new Deferral(next, deadline != null && !next.isBefore(deadline)));
    }

    /** A send held back by quiet hours: until when, and whether that is after the reminder's deadline. */
    public record Deferral(Instant until, boolean tooLate) {
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
