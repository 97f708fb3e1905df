package io.stipple.booking.repository;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.FreedTime;
import io.stipple.booking.domain.SessionRecord;
import io.stipple.booking.domain.TimeRange;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The booking aggregate: bookings and their session records. Booking queries. The busy-time query of technicians and
 * rooms adds plain comparisons to the constraints' range expression ({@link #BUSY_SQL}), so PostgreSQL answers it
 * from the window indexes (V7) and its cost follows the bookings from the window on, not the clinic's history.
 */
@ApplicationScoped
public class BookingRepository {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<Booking> find(UUID clinicId, UUID id) {
        Booking b = em.find(Booking.class, id);
        return b != null && b.clinicId.equals(clinicId) ? Optional.of(b) : Optional.empty();
    }

    /** The plan a booking belongs to, read without loading (or locking) the booking itself. */
    public Optional<UUID> planOf(UUID clinicId, UUID id) {
        return em.createQuery("select b.planId from Booking b where b.clinicId = :clinic and b.id = :id and b.planId is not null",
                        UUID.class)
                .setParameter("clinic", clinicId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** Locks the booking row for a state change, so two transitions of one booking are serialised. */
    public Optional<Booking> findForUpdate(UUID clinicId, UUID id) {
        Booking b = em.find(Booking.class, id, LockModeType.PESSIMISTIC_WRITE);
        return b != null && b.clinicId.equals(clinicId) ? Optional.of(b) : Optional.empty();
    }

    public void persist(Booking booking) {
        em.persist(booking);
    }

    public void flush() {
        em.flush();
    }

    /** The session record of a completed booking (the booking's id is its id). */
    public Optional<SessionRecord> sessionRecord(UUID bookingId) {
        return Optional.ofNullable(em.find(SessionRecord.class, bookingId));
    }

    public void persist(SessionRecord record) {
        em.persist(record);
    }

    /** The session records of these bookings of the clinic, in the order they were completed. */
    public List<SessionRecord> sessionRecordsOf(UUID clinicId, Collection<UUID> bookingIds) {
        return em.createQuery("""
                        from SessionRecord where clinicId = :clinic and bookingId in :bookings
                        order by completedAt, bookingId""", SessionRecord.class)
                .setParameter("clinic", clinicId)
                .setParameter("bookings", bookingIds)
                .getResultList();
    }

    /**
     * Makes the rest of this transaction a read: entities load read-only (no snapshot copy of each row's JSON
     * columns, no dirty check at commit) and nothing is flushed before queries. For searches that write nothing; the
     * session belongs to the calling transaction, so only call it from a transaction of the search's own.
     */
    public void readOnlyTransaction() {
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
    }

    /** Taken time of each technician within the window (bookings only). */
    public Map<UUID, List<TimeRange>> technicianBusy(Collection<UUID> technicianIds, Instant from, Instant to, UUID except) {
        return busy(technicianIds, List.of(), from, to, except).technicians();
    }

    /** Taken time of each room within the window. */
    public Map<UUID, List<TimeRange>> roomBusy(Collection<UUID> roomIds, Instant from, Instant to, UUID except) {
        return busy(List.of(), roomIds, from, to, except).rooms();
    }

    /** The taken time of each of some technicians and of each of some rooms (an availability search asks for both). */
    public record Busy(Map<UUID, List<TimeRange>> technicians, Map<UUID, List<TimeRange>> rooms) {
    }

    /**
     * The busy-time query: bookings that take time now — an occupying booking, or a hold or a booking waiting for its
     * deposit that has not run out (the constraints' set, minus dead holds) — overlapping a window. Its text is the same whatever the ids ({@code = any(array)}), so
     * the driver and PostgreSQL prepare it once. The window is said twice: as the constraints' range overlap and as the
     * same overlap in plain comparisons ({@code starts_at < occupied_until} always), because under Row-Level Security
     * only leakproof operators reach an index and {@code &&} is not one; the comparisons reach the window indexes of V7.
     */
    public static final String BUSY_SQL = "select technician_id, room_id, starts_at, occupied_until from booking"
            + " where (technician_id = any(?) or room_id = any(?))"
            + " and (status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED') or (status in ('HELD', 'PENDING_PAYMENT') and hold_expires_at > ?))"
            + " and occupied_until > ? and starts_at < ?"
            + " and tstzrange(starts_at, occupied_until, '[)') && tstzrange(?, ?, '[)') and id <> ?";

    /**
     * Taken time of these technicians and these rooms within {@code [from, to)}, in one statement. Plain JDBC on the
     * session's connection: a native query would resolve its result mapping (and an {@code in} list its SQL) on every
     * call, a tenth of a search's CPU. Flushes first unless the session is manual (as a native query would), so a
     * write transaction sees its own pending rows.
     */
    public Busy busy(Collection<UUID> technicianIds, Collection<UUID> roomIds, Instant from, Instant to, UUID except) {
        Map<UUID, List<TimeRange>> technicians = new HashMap<>();
        Map<UUID, List<TimeRange>> rooms = new HashMap<>();
        if (technicianIds.isEmpty() && roomIds.isEmpty()) {
            return new Busy(technicians, rooms);
        }
        Set<UUID> technicianSet = Set.copyOf(technicianIds);
        Set<UUID> roomSet = Set.copyOf(roomIds);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        if (session.getHibernateFlushMode() != org.hibernate.FlushMode.MANUAL) {
            session.flush();
        }
        session.doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(BUSY_SQL)) {
                ps.setArray(1, connection.createArrayOf("uuid", technicianSet.toArray()));
                ps.setArray(2, connection.createArrayOf("uuid", roomSet.toArray()));
                ps.setObject(3, now);
                ps.setObject(4, start);
                ps.setObject(5, end);
                ps.setObject(6, start);
                ps.setObject(7, end);
                ps.setObject(8, except == null ? new UUID(0, 0) : except);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID technician = rs.getObject(1, UUID.class);
                        UUID room = rs.getObject(2, UUID.class);
                        // a Timestamp per column (a timestamptz is an instant whatever the JVM's zone), not the
                        // half-dozen java.time objects of getObject(OffsetDateTime.class)
                        TimeRange range = new TimeRange(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
                        if (technicianSet.contains(technician)) {
                            technicians.computeIfAbsent(technician, k -> new ArrayList<>()).add(range);
                        }
                        if (roomSet.contains(room)) {
                            rooms.computeIfAbsent(room, k -> new ArrayList<>()).add(range);
                        }
                    }
                }
            }
        });
        return new Busy(technicians, rooms);
    }

    /**
     * Marks the clinic's holds (and bookings waiting for a deposit) whose time has run out EXPIRED, in the caller's transaction, so that what is written
     * next is not refused by the exclusion constraints over a dead hold. Concurrent writers serialise on the rows.
     *
     * @return the time each hold that ran out had taken (for the waitlist)
     */
    public List<FreedTime> expireHolds(UUID clinicId, Instant now) {
        return expired("clinic_id = :clinic and ", now, clinicId);
    }

    /** Marks the holds of every clinic that ran out EXPIRED (the sweeper; needs a cross-clinic scope). */
    public List<FreedTime> expireHoldsOfAllClinics(Instant now) {
        return expired("", now, null);
    }

    private List<FreedTime> expired(String clinicCondition, Instant now, UUID clinicId) {
        var query = em.createNativeQuery("""
                        with expired as (
                            update booking set status = 'EXPIRED', updated_at = :now, version = version + 1
                            where %sstatus in ('HELD', 'PENDING_PAYMENT') and hold_expires_at <= :now
                            returning clinic_id, id, treatment_id, technician_id, starts_at)
                        select clinic_id, id, treatment_id, technician_id, starts_at from expired""".formatted(clinicCondition))
                .setParameter("now", now);
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new FreedTime((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], instant(r[4])))
                .toList();
    }

    /** The live sessions of a plan (held, confirmed, checked in or completed), by session number. */
    public List<Booking> planSessions(UUID clinicId, UUID planId) {
        return em.createQuery("""
                        from Booking where clinicId = :clinic and planId = :plan and status in :live
                        and (status not in :holding or holdExpiresAt > :now) order by sessionNumber""", Booking.class)
                .setParameter("clinic", clinicId)
                .setParameter("plan", planId)
                .setParameter("live", BookingStatus.RESERVING)
                .setParameter("holding", BookingStatus.HOLDING)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    public List<Booking> ofClient(UUID clinicId, UUID clientId) {
        return em.createQuery("from Booking where clinicId = :clinic and clientId = :client order by startsAt", Booking.class)
                .setParameter("clinic", clinicId).setParameter("client", clientId).getResultList();
    }

    /** How many of the client's bookings that started from {@code since} until {@code until} were no-shows. */
    public long noShowsOf(UUID clinicId, UUID clientId, Instant since, Instant until) {
        return em.createQuery("""
                        select count(b) from Booking b where b.clinicId = :clinic and b.clientId = :client
                        and b.status = :noShow and b.startsAt >= :since and b.startsAt < :until""", Long.class)
                .setParameter("clinic", clinicId).setParameter("client", clientId)
                .setParameter("noShow", BookingStatus.NO_SHOW)
                .setParameter("since", since).setParameter("until", until)
                .getSingleResult();
    }

    public List<Booking> futureOfPlan(UUID clinicId, UUID planId, Instant now) {
        return em.createQuery("""
                        from Booking where clinicId = :clinic and planId = :plan and status in :open and startsAt > :now
                        order by startsAt""", Booking.class)
                .setParameter("clinic", clinicId)
                .setParameter("plan", planId)
                .setParameter("open", List.of(BookingStatus.PENDING_PAYMENT, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN))
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * Filters of the bookings list; null means "any". {@code onlyClients} (a partner's view: the clients that share
     * with it) limits the list to those clients; empty means none.
     */
    public record Filter(UUID clinicId, Instant from, Instant to, UUID technicianId, UUID clientId, BookingStatus status,
                         Collection<UUID> onlyClients) {
    }

    public List<Booking> list(Filter f, PageQuery page) {
        if (f.onlyClients() != null && f.onlyClients().isEmpty()) return List.of();
        TypedQuery<Booking> q = em.createQuery("from Booking b where " + where(f) + " order by b.startsAt, b.id", Booking.class);
        bind(q, f);
        return q.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
    }

    public long count(Filter f) {
        if (f.onlyClients() != null && f.onlyClients().isEmpty()) return 0;
        TypedQuery<Long> q = em.createQuery("select count(b) from Booking b where " + where(f), Long.class);
        bind(q, f);
        return q.getSingleResult();
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder("b.clinicId = :clinic");
        if (f.from() != null) w.append(" and b.endsAt > :from");
        if (f.to() != null) w.append(" and b.startsAt < :to");
        if (f.technicianId() != null) w.append(" and b.technicianId = :technician");
        if (f.clientId() != null) w.append(" and b.clientId = :client");
        if (f.status() != null) w.append(" and b.status = :status");
        if (f.onlyClients() != null) w.append(" and b.clientId in :onlyClients");
        return w.toString();
    }

    private static void bind(TypedQuery<?> q, Filter f) {
        q.setParameter("clinic", f.clinicId());
        if (f.from() != null) q.setParameter("from", f.from());
        if (f.to() != null) q.setParameter("to", f.to());
        if (f.technicianId() != null) q.setParameter("technician", f.technicianId());
        if (f.clientId() != null) q.setParameter("client", f.clientId());
        if (f.status() != null) q.setParameter("status", f.status());
        if (f.onlyClients() != null) q.setParameter("onlyClients", f.onlyClients());
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value);
    }
}
