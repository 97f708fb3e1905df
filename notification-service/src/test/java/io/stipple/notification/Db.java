package io.stipple.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ClientKey;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Reads of the service's own tables for assertions, each in its own transaction. The tables are protected by
 * Row-Level Security, so a test reading them directly says which clinic it reads as: these helpers look across
 * clinics on the named path ("test assertions"), bound before their transaction starts.
 */
public final class Db {

    private Db() {
    }

    private static <T> T read(Callable<T> work) {
        return Tenancy.acrossClinics("test assertions", () -> QuarkusTransaction.requiringNew().call(work));
    }

    public static List<ScheduledReminder> remindersOfClient(UUID clientId) {
        return read(() -> ScheduledReminder.<ScheduledReminder>list("clientId = ?1 order by dueAt, type, channel", clientId));
    }

    public static List<ScheduledReminder> remindersOfBooking(UUID bookingId) {
        return read(() -> ScheduledReminder.<ScheduledReminder>list("bookingId = ?1 order by dueAt, type, channel", bookingId));
    }

    public static List<ScheduledReminder> remindersOfClinic(UUID clinicId) {
        return read(() -> ScheduledReminder.<ScheduledReminder>list("clinicId = ?1", clinicId));
    }

    public static Optional<ScheduledReminder> reminder(UUID clientId, ReminderType type) {
        return remindersOfClient(clientId).stream().filter(r -> r.type == type).findFirst();
    }

    /** The contact the clinic holds for the client. */
    public static Optional<ClientContact> contact(UUID clinicId, UUID clientId) {
        return read(() -> ClientContact.<ClientContact>findByIdOptional(new ClientKey(clinicId, clientId)));
    }

    public static List<WebhookDelivery> deliveriesOf(UUID subscriptionId) {
        return read(() -> WebhookDelivery.<WebhookDelivery>list("subscriptionId = ?1 order by createdAt", subscriptionId));
    }

    public static Optional<WebhookSubscription> subscription(UUID id) {
        return read(() -> WebhookSubscription.<WebhookSubscription>findByIdOptional(id));
    }

    /** A statement on the service's tables (e.g. to set up a row as an older version of the service left it). */
    public static int execute(String sql, Object... params) {
        return read(() -> {
            var query = ScheduledReminder.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) query.setParameter(i + 1, params[i]);
            return query.executeUpdate();
        });
    }

    public static long count(String sql, Object... params) {
        return read(() -> {
            var query = ScheduledReminder.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) query.setParameter(i + 1, params[i]);
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The single text value of a query on the service's tables ({@code null} for SQL NULL). */
    public static String text(String sql, Object... params) {
        return read(() -> {
            var query = ScheduledReminder.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) query.setParameter(i + 1, params[i]);
            Object value = query.getSingleResult();
            return value == null ? null : value.toString();
        });
    }

    /** Registers an ACTIVE partner of the clinic (what PartnerRegistered does), so its tokens pass the guard. */
    public static void registerPartner(UUID clinicId, String partnerId) {
        Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().run(() -> partners().register(clinicId, partnerId,
                "Partner " + partnerId, PartnerDirectory.ACTIVE, Instant.now())));
    }

    /** The client shares (or stops sharing) with the partner, as of now. */
    public static void share(UUID clinicId, UUID clientId, String partnerId, boolean shared) {
        Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().run(() -> partners().share(clinicId, clientId, partnerId,
                shared, Instant.now())));
    }

    /** What the partner directory answers now. */
    public static boolean sharesWith(UUID clinicId, UUID clientId, String partnerId) {
        return Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().call(() ->
                partners().sharesWith(clinicId, clientId, partnerId)));
    }

    public static boolean isActivePartner(UUID clinicId, String partnerId) {
        return Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().call(() -> partners().isActive(clinicId, partnerId)));
    }

    private static PartnerDirectory partners() {
        return CDI.current().select(PartnerDirectory.class).get();
    }
}
