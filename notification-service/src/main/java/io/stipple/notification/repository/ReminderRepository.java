package io.stipple.notification.repository;

import io.quarkus.panache.common.Parameters;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.PlannedReminder;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.Zones;
import io.micrometer.core.instrument.MeterRegistry;
import io.stipple.platform.tracing.TraceContext;
import io.stipple.platform.web.Page;
import io.stipple.platform.work.Claim;
import io.stipple.platform.work.LeasedQueue;
import io.stipple.platform.web.PageQuery;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.stipple.platform.work.LeasedQueue.timestamp;

/**
 * The scheduled reminders (the delivery log). The scheduler's and the resources' statements run inside the caller's
 * transaction (the inbox's, for event handlers); the dispatcher's claims, attempt marks and outcome writes are plain
 * JDBC on their own connections (the hot path of the benchmark, kept free of ORM overhead), each committed on its own.
 */
@ApplicationScoped
public class ReminderRepository {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private LeasedQueue queue;

    @PostConstruct
    void init() {
        // claims set stipple_work_due_lag_seconds{table="scheduled_reminder"}: how late reminders go out
        queue = new LeasedQueue(dataSource, JdbcFailure::new, meters);
    }

    /** Who and what a planned reminder is for. */
    public record Target(UUID clinicId, UUID clientId, UUID bookingId, UUID planId, ZoneId zone, String locale,
                         String payloadJson) {
    }

    /**
     * Inserts the reminder unless one with its dedupe key exists; true if inserted. {@code trace}: the trace its send
     * continues (null: none).
     */
    public boolean insert(Target target, PlannedReminder reminder, TraceContext trace, Instant now) {
        return em.createNativeQuery("""
                        insert into scheduled_reminder (id, clinic_id, client_id, booking_id, plan_id, type, channel, dedupe_key,
                            status, status_reason, due_at, next_attempt_at, zone, locale, payload, created_at, updated_at,
                            trace_parent, trace_state)
                        values (:id, :clinic, :client, :booking, :plan, :type, :channel, :key, :status, :reason, :due, :due,
                            :zone, :locale, cast(:payload as jsonb), :now, :now,
                            cast(:traceParent as varchar), cast(:traceState as varchar))
                        on conflict (dedupe_key) do nothing""")
                .setParameter("traceParent", trace == null ? null : trace.traceparent())
                .setParameter("traceState", trace == null ? null : trace.tracestate())
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

    /** Cancels or suppresses the waiting messages of one waitlist offer to the client. */
    public int endPendingOffer(UUID clinicId, UUID clientId, UUID offerId, ReminderStatus status, String reason, Instant now) {
        return em.createNativeQuery("""
                        update scheduled_reminder set status = :status, status_reason = :reason, updated_at = :now
                        where clinic_id = :clinic and client_id = :client and status = 'SCHEDULED' and type = :type
                          and payload ->> 'offerId' = :offer""")
                .setParameter("status", status.name())
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("type", ReminderType.WAITLIST_OFFER.name())
                .setParameter("offer", offerId.toString())
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

    /** A page of the clinic's delivery log, filtered (null = any), in a stable order. */
    public Page<ScheduledReminder> log(UUID clinicId, UUID clientId, UUID bookingId, ReminderStatus status, ReminderType type,
                                       Channel channel, PageQuery page) {
        List<String> where = new ArrayList<>(List.of("clinicId = :clinic"));
        Parameters params = Parameters.with("clinic", clinicId);
        if (clientId != null) {
            where.add("clientId = :client");
            params.and("client", clientId);
        }
        if (bookingId != null) {
            where.add("bookingId = :booking");
            params.and("booking", bookingId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (channel != null) {
            where.add("channel = :channel");
            params.and("channel", channel);
        }
        var query = ScheduledReminder.<ScheduledReminder>find(String.join(" and ", where) + " order by createdAt, dueAt, id", params);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public Optional<ScheduledReminder> find(UUID id) {
        return ScheduledReminder.findByIdOptional(id);
    }

    /** The reminder, row-locked until the end of the caller's transaction ({@code PESSIMISTIC_WRITE}); null if none. */
    public ScheduledReminder findForUpdate(UUID id) {
        return em.find(ScheduledReminder.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A new attempt: nothing handed over yet (the reminder's pending changes are flushed first). */
    public void clearAttemptStarted(UUID id) {
        em.flush();
        em.createNativeQuery("update scheduled_reminder set attempt_started_at = null where id = :id")
                .setParameter("id", id).executeUpdate();
    }

    /** Every reminder of the client in the clinic (export), in a stable order. */
    public List<ScheduledReminder> ofClient(UUID clinicId, UUID clientId) {
        return ScheduledReminder.list("clinicId = ?1 and clientId = ?2 order by dueAt, createdAt, id", clinicId, clientId);
    }

    // --- the dispatcher's statements: the platform's LeasedQueue (plain JDBC, each committed on its own) ---

    /**
     * The claim: due SCHEDULED reminders become SENDING, claimed by the round, nothing handed over yet. An appointment
     * reminder brings its booking's manage token along (kept only with the booking, never in the payload).
     */
    private static final LeasedQueue.Claiming CLAIM = new LeasedQueue.Claiming("scheduled_reminder", "SCHEDULED",
            "claimed_by = claim.claimant, attempt_started_at = null, updated_at = claim.at", "", "",
            "w.id, w.clinic_id, w.client_id, w.type, w.channel, w.dedupe_key, w.zone, w.locale, w.payload::text, w.attempts, "
                    + "(select b.manage_token from booking b where w.type = 'APPOINTMENT_REMINDER' "
                    + "and b.booking_id = w.booking_id and b.clinic_id = w.clinic_id), w.trace_parent, w.trace_state");

    /**
     * A claimed reminder; {@code manageToken}: its booking's manage link secret (appointment reminders), or null;
     * {@code trace}: the trace of the event that planned it, or null.
     */
    public record Claimed(UUID id, UUID clinicId, UUID clientId, ReminderType type, Channel channel, String dedupeKey,
                          ZoneId zone, String locale, String payload, int attempts, String manageToken, TraceContext trace) {
        @Override
        public String toString() {
            return "Claimed[id=" + id + ", type=" + type + ", channel=" + channel + "]";
        }
    }

    /**
     * The outcome of one claimed reminder, to be written back. {@code deferred}: held back by quiet hours before any
     * attempt, so the claim does not count as one.
     */
    public record Recorded(UUID id, ReminderStatus status, String reason, String recipient, String providerMessageId,
                           String error, Instant nextAttemptAt, boolean deferred) {
    }

    /**
     * Claims whose lease ran out (their dispatcher died). One that never reached its channel ({@code
     * attempt_started_at} null) is scheduled again; one that did may have been delivered: scheduled again only on one of
     * the {@code deduplicating} channels, {@code UNCERTAIN} otherwise. Returns how many rows ended in each
     * {@code status|channel}.
     */
    public Map<String, Integer> releaseExpiredLeases(Instant now, List<String> deduplicating) {
        Map<String, Integer> counts = new HashMap<>();
        queue.query("""
                update scheduled_reminder
                   set status = case when attempt_started_at is null or channel = any (?) then 'SCHEDULED' else 'UNCERTAIN' end,
                       status_reason = case when attempt_started_at is null or channel = any (?) then null
                                            else 'DISPATCHER_LOST_MID_SEND' end,
                       last_error = case when attempt_started_at is null then last_error
                                         else 'the dispatcher stopped while the channel had the message' end,
                       claimed_by = null, claimed_until = null, updated_at = ?
                 where status = 'SENDING' and claimed_until < ?
                returning status, channel""", (connection, statement) -> {
            String[] channels = deduplicating.toArray(String[]::new);
            statement.setArray(1, connection.createArrayOf("varchar", channels));
            statement.setArray(2, connection.createArrayOf("varchar", channels));
            statement.setTimestamp(3, timestamp(now));
            statement.setTimestamp(4, timestamp(now));
        }, row -> row.getString(1) + "|" + row.getString(2)).forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts;
    }

    /** Claims due reminders in one statement: locked rows of other dispatchers are skipped, not waited for. */
    public List<Claimed> claim(Claim claim, int batchSize) {
        return queue.claim(CLAIM, claim, batchSize, rs -> new Claimed(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), ReminderType.valueOf(rs.getString(4)),
                Channel.valueOf(rs.getString(5)), rs.getString(6), Zones.orUtc(rs.getString(7)), rs.getString(8),
                rs.getString(9), rs.getInt(10), rs.getString(11), TraceContext.of(rs.getString(12), rs.getString(13))));
    }

    /**
     * Records, committed, that these claimed reminders are being handed to their channel now, for those the claim still
     * holds (still {@code SENDING} under this claimant, lease not run out at {@code now}); returns their ids. A reminder
     * missing from the answer was released and perhaps claimed by another dispatcher: it must not be sent from here.
     */
    public Set<UUID> markAttemptsStarted(List<UUID> ids, String claimant, Instant now) {
        return new HashSet<>(queue.query("""
                update scheduled_reminder set attempt_started_at = ?
                where id = any (?) and status = 'SENDING' and claimed_by = ? and claimed_until >= ?
                returning id""", (connection, statement) -> {
            statement.setTimestamp(1, timestamp(now));
            statement.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            statement.setString(3, claimant);
            statement.setTimestamp(4, timestamp(now));
        }, row -> row.getObject(1, UUID.class)));
    }

    /** Writes a round's outcomes in one transaction; a row whose claim was taken over meanwhile is left alone. */
    public void record(List<Recorded> outcomes, String claimant, Instant now) {
        Timestamp at = timestamp(now);
        queue.batch("""
                update scheduled_reminder set status = ?, status_reason = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    recipient = case when client_id is null then null else coalesce(?, recipient) end,
                    provider_message_id = coalesce(?, provider_message_id), last_error = ?, sent_at = ?,
                    attempts = attempts - ?, updated_at = ?, claimed_by = null, claimed_until = null
                where id = ? and status = 'SENDING' and claimed_by = ?""", outcomes, (statement, outcome) -> {
            statement.setString(1, outcome.status().name());
            statement.setString(2, outcome.reason());
            statement.setTimestamp(3, timestamp(outcome.nextAttemptAt()));
            statement.setString(4, outcome.recipient());
            statement.setString(5, outcome.providerMessageId());
            statement.setString(6, outcome.error());
            statement.setTimestamp(7, outcome.status() == ReminderStatus.SENT ? at : null);
            statement.setInt(8, outcome.deferred() ? 1 : 0); // held back before any attempt: not an attempt
            statement.setTimestamp(9, at);
            statement.setObject(10, outcome.id());
            statement.setString(11, claimant);
        });
    }

    private static List<String> names(Collection<ReminderType> types) {
        return types.stream().map(Enum::name).toList();
    }
}
