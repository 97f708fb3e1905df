package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import io.stipple.notification.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** The delivery log: scheduled reminders of a clinic, filtered, in a stable order. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryLogService {

    /** Filters of the log; null = any. */
    public record Filter(UUID clientId, UUID bookingId, ReminderStatus status, ReminderType type, Channel channel) {
    }

    @Inject
    ReminderRepository reminders;

    public Page<ScheduledReminder> list(UUID clinicId, Filter filter, PageQuery page) {
        return reminders.log(clinicId, filter.clientId(), filter.bookingId(), filter.status(), filter.type(), filter.channel(), page);
    }

    public Optional<ScheduledReminder> find(UUID clinicId, UUID id) {
        return reminders.find(id).filter(r -> r.clinicId.equals(clinicId));
    }
}
