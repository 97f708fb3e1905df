package io.stipple.notification.rest;

import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.Zones;

/** Delivery log entries to their API shape. */
public final class NotificationMapper {

    private NotificationMapper() {
    }

    public static NotificationView toView(ScheduledReminder r) {
        return new NotificationView(r.id, r.clientId, r.bookingId, r.planId, r.type, r.channel, r.status, r.statusReason,
                r.dueAt, r.nextAttemptAt, r.dueAt.atZone(Zones.orUtc(r.zone)).toOffsetDateTime(), r.zone, r.attempts,
                r.sentAt, r.lastError, r.createdAt, r.updatedAt);
    }
}
