package io.stipple.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.WebhookDelivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the service's own tables for assertions, each in its own transaction. */
public final class Db {

    private Db() {
    }

    public static List<ScheduledReminder> remindersOfClient(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ScheduledReminder.<ScheduledReminder>list("clientId = ?1 order by dueAt, type, channel", clientId));
    }

    public static List<ScheduledReminder> remindersOfBooking(UUID bookingId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ScheduledReminder.<ScheduledReminder>list("bookingId = ?1 order by dueAt, type, channel", bookingId));
    }

    public static List<ScheduledReminder> remindersOfClinic(UUID clinicId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ScheduledReminder.<ScheduledReminder>list("clinicId = ?1", clinicId));
    }

    public static Optional<ScheduledReminder> reminder(UUID clientId, ReminderType type) {
        return remindersOfClient(clientId).stream().filter(r -> r.type == type).findFirst();
    }

    public static Optional<ClientContact> contact(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ClientContact.<ClientContact>findByIdOptional(clientId));
    }

    public static List<WebhookDelivery> deliveriesOf(UUID subscriptionId) {
        return QuarkusTransaction.requiringNew().call(() ->
                WebhookDelivery.<WebhookDelivery>list("subscriptionId = ?1 order by createdAt", subscriptionId));
    }

    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = ScheduledReminder.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) query.setParameter(i + 1, params[i]);
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
