package io.stipple.booking.repository;

import io.stipple.booking.domain.Payment;
import io.stipple.booking.domain.PaymentChange;
import io.stipple.booking.domain.PaymentCommand;
import io.stipple.platform.work.Claim;
import io.stipple.platform.work.LeasedQueue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.stipple.platform.work.LeasedQueue.timestamp;

/**
 * The payment aggregate: a booking's deposit, its append-only history ({@code payment_change}), the provider calls
 * waiting to be made ({@code payment_command}, a leased queue claimed over plain JDBC by the command worker) and the
 * provider events applied ({@code payment_provider_event}).
 */
@ApplicationScoped
public class PaymentRepository {

    /** A command claimed for sending, with what the provider call needs. */
    public record ClaimedCommand(UUID id, UUID clinicId, UUID paymentId, PaymentCommand.Kind kind, Long amountMinor,
                                 String currency, String intentId, int attempts) {
    }

    /** A failed statement of the command queue. */
    public static class QueueFailure extends RuntimeException {
        QueueFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final LeasedQueue.Claiming CLAIMING = new LeasedQueue.Claiming("payment_command", "DUE", "",
            "payment p", "p.id = w.payment_id",
            "w.id, w.clinic_id, w.payment_id, w.kind, w.amount_minor, p.currency, p.intent_id, w.attempts");

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private LeasedQueue queue;

    @PostConstruct
    void init() {
        queue = new LeasedQueue(dataSource, QueueFailure::new);
    }

    public void persist(Payment payment) {
        em.persist(payment);
    }

    public void persist(PaymentChange change) {
        em.persist(change);
    }

    public void persist(PaymentCommand command) {
        em.persist(command);
    }

    public void flush() {
        em.flush();
    }

    public Optional<Payment> ofBooking(UUID clinicId, UUID bookingId) {
        return em.createQuery("from Payment where clinicId = :clinic and bookingId = :booking", Payment.class)
                .setParameter("clinic", clinicId).setParameter("booking", bookingId)
                .getResultStream().findFirst();
    }

    /** The payment of a booking, locked for a change. */
    public Optional<Payment> ofBookingForUpdate(UUID clinicId, UUID bookingId) {
        return em.createQuery("from Payment where clinicId = :clinic and bookingId = :booking", Payment.class)
                .setParameter("clinic", clinicId).setParameter("booking", bookingId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The clinic's payment of a provider intent, locked for a change. */
    public Optional<Payment> ofIntentForUpdate(UUID clinicId, String intentId) {
        if (intentId == null) return Optional.empty();
        return em.createQuery("from Payment where clinicId = :clinic and intentId = :intent", Payment.class)
                .setParameter("clinic", clinicId).setParameter("intent", intentId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public Optional<Payment> forUpdate(UUID clinicId, UUID id) {
        Payment p = em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE);
        return p != null && p.clinicId.equals(clinicId) ? Optional.of(p) : Optional.empty();
    }

    /** The payments of these bookings of the clinic. */
    public List<Payment> ofBookings(UUID clinicId, Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) return List.of();
        if (bookingIds.size() == 1) {
            // one booking (every create and single view): an equality, whose translation Hibernate keeps; an `in`
            // list is translated again on every call (the create's largest CPU item outside the driver, README)
            return em.createQuery("from Payment where clinicId = :clinic and bookingId = :booking", Payment.class)
                    .setParameter("clinic", clinicId).setParameter("booking", bookingIds.iterator().next())
                    .getResultList();
        }
        return em.createQuery("from Payment where clinicId = :clinic and bookingId in :bookings", Payment.class)
                .setParameter("clinic", clinicId).setParameter("bookings", bookingIds).getResultList();
    }

    /** The money decisions on these payments, in the order they were made. */
    public List<PaymentChange> decisionsOf(UUID clinicId, Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) return List.of();
        if (paymentIds.size() == 1) {
            return em.createQuery("""
                            from PaymentChange where clinicId = :clinic and paymentId = :payment and action is not null
                            order by seq""", PaymentChange.class)
                    .setParameter("clinic", clinicId).setParameter("payment", paymentIds.iterator().next())
                    .getResultList();
        }
        return em.createQuery("""
                        from PaymentChange where clinicId = :clinic and paymentId in :payments and action is not null
                        order by seq""", PaymentChange.class)
                .setParameter("clinic", clinicId).setParameter("payments", paymentIds).getResultList();
    }

    /** The whole history of a payment, in order. */
    public List<PaymentChange> historyOf(UUID clinicId, UUID paymentId) {
        return em.createQuery("from PaymentChange where clinicId = :clinic and paymentId = :payment order by seq",
                        PaymentChange.class)
                .setParameter("clinic", clinicId).setParameter("payment", paymentId).getResultList();
    }

    /** Forgets the client on its payments (erasure): the amounts stay as the clinic's books. */
    public void anonymise(UUID clinicId, UUID clientId) {
        em.createQuery("update Payment set clientId = null where clinicId = :clinic and clientId = :client")
                .setParameter("clinic", clinicId).setParameter("client", clientId).executeUpdate();
    }

    /**
     * Records a provider event as applied, in the caller's transaction; false when it was applied before (a replay:
     * change nothing).
     */
    public boolean recordEvent(String eventId, UUID clinicId, String type, Instant now) {
        return em.createNativeQuery("""
                        insert into payment_provider_event (event_id, clinic_id, type, received_at)
                        values (:id, :clinic, :type, :now) on conflict do nothing""")
                .setParameter("id", eventId).setParameter("clinic", clinicId).setParameter("type", type)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Optional<PaymentCommand> command(UUID clinicId, UUID id) {
        PaymentCommand c = em.find(PaymentCommand.class, id);
        return c != null && c.clinicId.equals(clinicId) ? Optional.of(c) : Optional.empty();
    }

    // --- the command queue (plain JDBC on its own connections, committed one statement at a time) -------------

    /** Gives commands whose lease ran out (their worker died) back to the queue. */
    public int releaseExpiredLeases(Instant now) {
        return queue.update("""
                update payment_command set status = 'DUE', claimed_until = null
                where status = 'SENDING' and claimed_until < ?""", (c, s) -> s.setTimestamp(1, timestamp(now)));
    }

    /** Claims due commands under the lease. */
    public List<ClaimedCommand> claim(Claim claim, int batch) {
        return queue.claim(CLAIMING, claim, batch, r -> new ClaimedCommand(r.getObject(1, UUID.class),
                r.getObject(2, UUID.class), r.getObject(3, UUID.class), PaymentCommand.Kind.valueOf(r.getString(4)),
                (Long) r.getObject(5), r.getString(6), r.getString(7), r.getInt(8)));
    }

    /**
     * The command was answered by the provider (done for good: sent, or refused for a reason a retry cannot mend), in
     * the caller's transaction (with what the answer changes).
     */
    public void done(UUID id, String providerRef, String error) {
        em.createNativeQuery("""
                        update payment_command set status = 'DONE', claimed_until = null, provider_ref = :ref,
                            last_error = :error where id = :id""")
                .setParameter("ref", providerRef).setParameter("error", truncate(error)).setParameter("id", id)
                .executeUpdate();
    }

    /** The provider could not answer: the command is due again at {@code next}. */
    public void retryAt(UUID id, Instant next, String error) {
        queue.update("""
                update payment_command set status = 'DUE', claimed_until = null, next_attempt_at = ?, last_error = ?
                where id = ?""", (c, s) -> {
            s.setTimestamp(1, timestamp(next));
            s.setString(2, truncate(error));
            s.setObject(3, id);
        });
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
