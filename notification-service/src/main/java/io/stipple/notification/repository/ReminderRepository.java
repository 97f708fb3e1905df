package io.stipple.notification.repository;

import io.stipple.notification.domain.PlannedReminder;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Writes of scheduled reminders inside the caller's transaction (the inbox's, for event handlers). */
@ApplicationScoped
public class ReminderRepository {

    @Inject
    EntityManager em;

    /** Who and what a planned reminder is for. */
    public record Target(UUID clinicId, UUID clientId, UUID bookingId, UUID planId, ZoneId zone, String locale,
                         String payloadJson) {
    }

    /** Inserts the reminder unless one with its dedupe key exists; true if inserted. */
    public boolean insert(Target target, PlannedReminder reminder, Instant now) {
        return em.createNativeQuery("""
                        insert into scheduled_reminder (id, clinic_id, client_id, booking_id, plan_id, type, channel, dedupe_key,
                            status, status_reason, due_at, next_attempt_at, zone, locale, payload, created_at, updated_at)
                        values (:id, :clinic, :client, :booking, :plan, :type, :channel, :key, :status, :reason, :due, :due,
                            :zone, :locale, cast(:payload as jsonb), :now, :now)
                        on conflict (dedupe_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("clinic", target.clinicId())
                .setParameter("client", target.clientId())
                .setParameter("booking", target.bookingId())
                .setParameter("plan", target.planId())
                .setParameter("type", reminder.type().name())
                .setParameter("channel", reminder.channel().name())
                .setParameter("key", reminder.dedupeKey())
                .setParameter("status", reminder.status().name())
                .setParameter("reason", reminder.reason())
                .setParameter("due", reminder.dueAt())
                .setParameter("zone", target.zone().getId())
                .setParameter("locale", target.locale())
                .setParameter("payload", target.payloadJson())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Cancels or suppresses the waiting reminders of a booking of the given types, except the listed keys. */
    public int endPendingForBooking(UUID clinicId, UUID bookingId, Collection<ReminderType> types, Collection<String> keep,
                                    ReminderStatus status, String reason, Instant now) {
        return em.createNativeQuery("""
                        update scheduled_reminder set status = :status, status_reason = :reason, updated_at = :now
                        where clinic_id = :clinic and booking_id = :booking and status = 'SCHEDULED' and type in (:types)
                          and not (dedupe_key = any(cast(:keep as text[])))""")
                .setParameter("status", status.name())
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("clinic", clinicId)
                .setParameter("booking", bookingId)
                .setParameter("types", names(types))
                .setParameter("keep", keep.toArray(String[]::new))
                .executeUpdate();
    }

    /** Cancels or suppresses a client's waiting reminders of the given types (optionally of one plan), except the listed keys. */
    public int endPendingForClient(UUID clinicId, UUID clientId, UUID planId, Collection<ReminderType> types, Collection<String> keep,
                                   ReminderStatus status, String reason, Instant now) {
        return em.createNativeQuery("""
                        update scheduled_reminder set status = :status, status_reason = :reason, updated_at = :now
                        where clinic_id = :clinic and client_id = :client and status = 'SCHEDULED' and type in (:types)
                          and (cast(:plan as uuid) is null or plan_id = cast(:plan as uuid))
                          and not (dedupe_key = any(cast(:keep as text[])))""")
                .setParameter("status", status.name())
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("plan", planId == null ? null : planId.toString())
                .setParameter("types", names(types))
                .setParameter("keep", keep.toArray(String[]::new))
                .executeUpdate();
    }

    /** Erasure: waiting reminders cancelled, every log entry of the client anonymised. */
    public int eraseClient(UUID clinicId, UUID clientId, Instant now) {
        return em.createNativeQuery("""
                        update scheduled_reminder set
                            status = case when status = 'SCHEDULED' then 'CANCELLED' else status end,
                            status_reason = case when status = 'SCHEDULED' then 'CLIENT_ERASED' else status_reason end,
                            client_id = null, payload = '{}'::jsonb, recipient = null, last_error = null,
                            locale = null, updated_at = :now
                        where clinic_id = :clinic and client_id = :client""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("now", now)
                .executeUpdate();
    }

    private static List<String> names(Collection<ReminderType> types) {
        return types.stream().map(Enum::name).toList();
    }
}
