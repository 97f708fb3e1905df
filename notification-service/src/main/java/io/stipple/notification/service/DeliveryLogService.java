package io.stipple.notification.service;

import io.quarkus.panache.common.Parameters;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivery log: scheduled reminders of a clinic, filtered, in a stable order. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryLogService {

    /** Filters of the log; null = any. */
    public record Filter(UUID clientId, UUID bookingId, ReminderStatus status, ReminderType type, Channel channel) {
    }

    public Page<ScheduledReminder> list(UUID clinicId, Filter filter, PageQuery page) {
        List<String> where = new ArrayList<>(List.of("clinicId = :clinic"));
        Parameters params = Parameters.with("clinic", clinicId);
        if (filter.clientId() != null) {
            where.add("clientId = :client");
            params.and("client", filter.clientId());
        }
        if (filter.bookingId() != null) {
            where.add("bookingId = :booking");
            params.and("booking", filter.bookingId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.and("type", filter.type());
        }
        if (filter.channel() != null) {
            where.add("channel = :channel");
            params.and("channel", filter.channel());
        }
        var query = ScheduledReminder.<ScheduledReminder>find(String.join(" and ", where) + " order by createdAt, dueAt, id", params);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public Optional<ScheduledReminder> find(UUID clinicId, UUID id) {
        return ScheduledReminder.<ScheduledReminder>findByIdOptional(id).filter(r -> r.clinicId.equals(clinicId));
    }
}
