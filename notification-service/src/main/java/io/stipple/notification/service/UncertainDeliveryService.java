package io.stipple.notification.service;

import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.stipple.notification.repository.ReminderRepository;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What staff decide about a reminder whose delivery nobody can vouch for ({@link ReminderStatus#UNCERTAIN}): the
 * recipient confirmed it arrived (DELIVERED: recorded as sent), or it should go again (RESEND: scheduled now, sent by
 * the dispatcher with the usual quiet-hours check). Only an UNCERTAIN reminder can be resolved, once.
 */
@ApplicationScoped
@Transactional
public class UncertainDeliveryService {

    /** The two decisions. */
    public enum Resolution { DELIVERED, RESEND }

    public static final String CONFIRMED_BY_STAFF = "CONFIRMED_BY_STAFF";
    public static final String RESEND_BY_STAFF = "RESEND_BY_STAFF";

    @Inject
    ReminderRepository reminders;

    @Inject
    Clock clock;

    public ScheduledReminder resolve(UUID clinicId, UUID id, Resolution resolution) {
        ScheduledReminder reminder = reminders.findForUpdate(id);
        if (reminder == null || !reminder.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Notification");
        }
        if (reminder.status != ReminderStatus.UNCERTAIN) {
            throw ProblemException.conflict("not-uncertain",
                    "Only a reminder whose delivery is UNCERTAIN can be resolved; this one is " + reminder.status)
                    .with("status", reminder.status.name());
        }
        Instant now = clock.instant();
        if (resolution == Resolution.DELIVERED) {
            reminder.status = ReminderStatus.SENT;
            reminder.statusReason = CONFIRMED_BY_STAFF;
            reminder.sentAt = reminder.lastAttemptAt != null ? reminder.lastAttemptAt : now;
        } else {
            reminder.status = ReminderStatus.SCHEDULED;
            reminder.statusReason = RESEND_BY_STAFF;
            reminder.nextAttemptAt = now;
            // a new attempt: nothing handed over yet
            reminders.clearAttemptStarted(id);
        }
        reminder.updatedAt = now;
        return reminder;
    }
}
