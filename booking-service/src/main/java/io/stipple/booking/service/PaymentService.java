package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.CancellationFeePolicy;
import io.stipple.booking.domain.CancellationFeePolicy.Cause;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.DepositPolicy;
import io.stipple.booking.domain.FreedTime;
import io.stipple.booking.domain.Payment;
import io.stipple.booking.domain.PaymentAction;
import io.stipple.booking.domain.PaymentChange;
import io.stipple.booking.domain.PaymentCommand;
import io.stipple.booking.domain.PaymentProvider;
import io.stipple.booking.domain.PaymentStatus;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.messaging.BookingEventMapper;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.PaymentRepository;
import io.stipple.platform.events.Topics;
import io.stipple.platform.outbox.Outbox;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Deposits: whether a booking needs one (the clinic's or treatment's {@link DepositPolicy}), the payment row and its
 * history, what a cancellation or no-show does to it ({@link CancellationFeePolicy}), and the provider's webhook
 * events. Nothing here calls the provider: intents are created by {@link PaymentCheckout} after the booking's commit,
 * refunds and intent cancels are written as {@link PaymentCommand}s and sent after commit by
 * {@link PaymentCommandWorker}.
 */
@ApplicationScoped
@Transactional
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    /** The provider events acted on; every other type is answered 200 and ignored. */
    public static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "payment_intent.processing", "payment_intent.canceled", "charge.refunded");

    @Inject
    Clock clock;

    @Inject
    BookingConfig config;

    @Inject
    PaymentRepository payments;

    @Inject
    BookingRepository bookings;

    @Inject
    PaymentProvider provider;

    @Inject
    ClinicService clinics;

    @Inject
    CatalogueService catalogue;

    @Inject
    BookingService bookingService;

    @Inject
    WaitlistService waitlist;

    @Inject
    BookingEventMapper events;

    @Inject
    Outbox outbox;

    @Inject
    PaymentCommandWorker worker;

    /** A booking's deposit and the money decisions on it, as shown on the booking. */
    public record Deposit(Payment payment, List<PaymentChange> decisions) {
    }

    /** A policy that asks for deposits needs a provider: 409 {@code payments-not-configured} without one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkConfigured(DepositPolicy policy) {
        if (policy != null && policy.asksForDeposits() && !provider.configured()) {
            throw ProblemException.conflict("payments-not-configured", "No payment provider is configured "
                    + "(booking.payments.stripe.api-key), so no policy may ask for deposits");
        }
    }

    /**
     * The deposit a booking of {@code treatment} for {@code clientId} needs now, if any (none without a provider).
     *
     * @param selfService booked by the client, a partner or a manage-link holder (not staff)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Amount> depositFor(Clinic clinic, Treatment treatment, UUID clientId, boolean selfService, Instant now) {
        if (!provider.configured()) {
            return Optional.empty();
        }
        DepositPolicy policy = DepositPolicy.effective(treatment.depositPolicy, clinic.depositPolicy());
        long noShows = policy.noShowsSince(now, clinic.zone())
                .map(since -> bookings.noShowsOf(clinic.id, clientId, since, now)).orElse(0L);
        return policy.depositFor(treatment.price(), selfService, noShows);
    }

    /**
     * The booking waits for {@code deposit} in PENDING_PAYMENT for the clinic's {@code paymentMinutes}; its payment is
     * CREATING until {@link PaymentCheckout} has the provider's intent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment open(Booking booking, Clinic clinic, Amount deposit, Instant now) {
        booking.awaitPayment(now, now.plus(Duration.ofMinutes(clinic.paymentMinutes)));
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.clinicId = booking.clinicId;
        p.bookingId = booking.id;
        p.clientId = booking.clientId;
        p.status = PaymentStatus.CREATING;
        p.amountMinor = deposit.minor();
        p.currency = deposit.currency();
        p.expiresAt = booking.holdExpiresAt;
        p.createdAt = now;
        p.updatedAt = now;
        payments.persist(p);
        payments.flush();
        PaymentChange opened = PaymentChange.decision(p, PaymentAction.CHARGE_DEPOSIT, deposit, "deposit-policy", now);
        opened.fromStatus = null;
        opened.cause = "booking-placed";
        payments.persist(opened);
        return p;
    }

    /** The intent a CREATING payment of the booking needs (empty: the booking needs none, or has it). */
    public Optional<PaymentProvider.IntentRequest> intentToCreate(UUID clinicId, UUID bookingId) {
        return payments.ofBooking(clinicId, bookingId).filter(p -> p.status == PaymentStatus.CREATING).map(p -> {
            Booking b = bookings.find(clinicId, bookingId).orElseThrow();
            Treatment t = catalogue.find(clinicId, b.treatmentId);
            return new PaymentProvider.IntentRequest(clinicId, bookingId, p.id, p.amount(),
                    "Deposit for " + t.name + " on " + b.startsAt);
        });
    }

    /** The provider created the intent: the client can pay with its client secret. */
    public void intentCreated(UUID clinicId, UUID paymentId, PaymentProvider.Intent intent) {
        Payment p = payments.forUpdate(clinicId, paymentId).orElseThrow();
        if (p.status != PaymentStatus.CREATING) {
            return;
        }
        p.intentId = intent.id();
        p.clientSecret = intent.clientSecret();
        payments.persist(p.moveTo(PaymentStatus.REQUIRES_PAYMENT, "intent-created", clock.instant()).withProviderRef(intent.id()));
    }

    /** The provider could not start the payment: the payment is cancelled and the booking released (its time free). */
    public void couldNotStart(UUID clinicId, UUID paymentId, String why) {
        Payment p = payments.forUpdate(clinicId, paymentId).orElseThrow();
        if (p.status != PaymentStatus.CREATING) {
            return;
        }
        Instant now = clock.instant();
        payments.persist(p.moveTo(PaymentStatus.CANCELLED, "provider-unavailable", now).withRule(truncate(why)));
        Booking b = bookings.findForUpdate(clinicId, p.bookingId).orElseThrow();
        if (b.status == BookingStatus.PENDING_PAYMENT) {
            b.releaseHold(now);
            waitlist.holdEnded(FreedTime.of(b), false);
        }
    }

    // --- what is shown ---------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Deposit> depositOf(Booking booking) {
        return depositsOf(booking.clinicId, List.of(booking)).values().stream().findFirst();
    }

    /** The deposits of these bookings of one clinic, by booking id (bookings without one are absent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Deposit> depositsOf(UUID clinicId, Collection<Booking> of) {
        List<Payment> found = payments.ofBookings(clinicId, of.stream().map(b -> b.id).toList());
        if (found.isEmpty()) return Map.of();
        Map<UUID, List<PaymentChange>> decisions = payments.decisionsOf(clinicId, found.stream().map(p -> p.id).toList())
                .stream().collect(Collectors.groupingBy(c -> c.paymentId));
        return found.stream().collect(Collectors.toMap(p -> p.bookingId,
                p -> new Deposit(p, decisions.getOrDefault(p.id, List.of())), (a, b) -> a));
    }

    // --- decisions (in the transaction of the booking's change) ---------------------------------------------

    /**
     * A booking's time ran out before it was paid ({@code expired}, marked EXPIRED in this transaction): its open
     * payment is cancelled and the intent cancelled at the provider.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingsExpired(List<FreedTime> expired) {
        if (expired.isEmpty()) return;
        Map<UUID, List<UUID>> byClinic = expired.stream().collect(Collectors.groupingBy(FreedTime::clinicId,
                Collectors.mapping(FreedTime::bookingId, Collectors.toList())));
        Instant now = clock.instant();
        byClinic.forEach((clinicId, ids) -> {
            for (Payment p : payments.ofBookings(clinicId, ids)) {
                if (p.status.isOpen()) {
                    cancelOpen(payments.forUpdate(clinicId, p.id).orElseThrow(), "booking-expired", now);
                }
            }
        });
    }

    /** The booking was cancelled ({@code cause} says by whom and when) or the client did not come. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decide(Booking booking, Cause cause) {
        Payment p = payments.ofBookingForUpdate(booking.clinicId, booking.id).orElse(null);
        if (p == null) {
            return;
        }
        Instant now = clock.instant();
        boolean paid = p.status == PaymentStatus.PAID;
        if (!paid && !p.status.isOpen()) {
            return; // decided before
        }
        Clinic clinic = clinics.require(booking.clinicId);
        CancellationFeePolicy.Outcome outcome = CancellationFeePolicy.decide(cause, clinic.cancellationFees(), p.amount(), paid);
        for (CancellationFeePolicy.Decision d : outcome.decisions()) {
            payments.persist(PaymentChange.decision(p, d.action(), d.amount(), d.rule(), now));
        }
        if (!paid) {
            cancelOpen(p, "booking-" + cause.name().toLowerCase().replace('_', '-'), now);
            return;
        }
        settle(p, booking, clinic, outcome, "decision", now);
    }

    /** Refund and keep as the outcome says; the status follows what is left with the client. */
    private void settle(Payment p, Booking booking, Clinic clinic, CancellationFeePolicy.Outcome outcome, String cause,
                        Instant now) {
        if (!outcome.kept().nothing()) {
            p.keptMinor += outcome.kept().minor();
            Treatment t = catalogue.find(booking.clinicId, booking.treatmentId);
            outbox.publish(Topics.BOOKINGS, booking.clinicId, subject(booking, p), events.feeCharged(p, booking, clinic, t,
                    outcome.kept(), now, outcome.feeReason().name(), outcome.rule()));
        }
        if (!outcome.shortfall().nothing()) {
            payments.persist(PaymentChange.decision(p, PaymentAction.FEE, outcome.shortfall(), outcome.rule() + "-shortfall", now)
                    .withProviderRef(null));
        }
        PaymentStatus next;
        if (outcome.refund().nothing()) {
            next = PaymentStatus.FORFEITED;
        } else {
            payments.persist(PaymentCommand.refund(p, outcome.refund(), outcome.refundReason(), outcome.rule(), now));
            worker.wakeAfterCommit();
            next = outcome.refund().minor() == p.amountMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        }
        payments.persist(p.moveTo(next, cause, now).withRule(outcome.rule()).withAmount(outcome.refund()));
    }

    private void cancelOpen(Payment p, String cause, Instant now) {
        payments.persist(p.moveTo(PaymentStatus.CANCELLED, cause, now));
        if (p.intentId != null) {
            payments.persist(PaymentCommand.cancelIntent(p, now));
            worker.wakeAfterCommit();
        }
    }

    // --- the provider's events (under the clinic of the intent's metadata) ------------------------------------

    /** Applies a verified provider event once (its id is recorded with the effect); unknown intents are ignored. */
    public void apply(UUID clinicId, PaymentProvider.Event event) {
        Payment p = payments.ofIntentForUpdate(clinicId, event.intentId()).orElse(null);
        if (p == null || event.paymentId().isPresent() && !event.paymentId().get().equals(p.id)) {
            LOG.infof("provider event %s (%s) names intent %s, which is no payment of clinic %s: ignored", event.id(),
                    event.type(), event.intentId(), clinicId);
            return;
        }
        Instant now = clock.instant();
        if (!payments.recordEvent(event.id(), clinicId, event.type(), now)) {
            LOG.debugf("provider event %s applied before: replay ignored", event.id());
            return;
        }
        switch (event.type()) {
            case "payment_intent.succeeded" -> succeeded(p, event, now);
            case "payment_intent.payment_failed" -> {
                if (p.status.isOpen()) {
                    payments.persist(p.moveTo(PaymentStatus.FAILED, "payment-failed", now).withProviderRef(event.id()));
                }
            }
            case "payment_intent.processing" -> {
                if (p.status.isOpen()) {
                    payments.persist(p.moveTo(p.status, "processing", now).withProviderRef(event.id()));
                }
            }
            case "payment_intent.canceled" -> {
                if (p.status.isOpen()) {
                    payments.persist(p.moveTo(PaymentStatus.CANCELLED, "intent-canceled", now).withProviderRef(event.id()));
                }
            }
            case "charge.refunded" -> payments.persist(p.moveTo(p.status, "refund-confirmed", now).withProviderRef(event.id()));
            default -> LOG.debugf("provider event type %s is not acted on", event.type());
        }
    }

    private void succeeded(Payment p, PaymentProvider.Event event, Instant now) {
        if (!p.status.isOpen() && p.status != PaymentStatus.CANCELLED) {
            return; // paid already (and perhaps refunded since): the state only moves forward
        }
        boolean wasCancelled = p.status == PaymentStatus.CANCELLED;
        p.paidAt = now;
        payments.persist(p.moveTo(PaymentStatus.PAID, "payment-succeeded", now).withProviderRef(event.id())
                .withAmount(p.amount()));
        Booking booking = bookings.findForUpdate(p.clinicId, p.bookingId).orElseThrow();
        Clinic clinic = clinics.require(p.clinicId);
        Treatment treatment = catalogue.find(p.clinicId, booking.treatmentId);
        outbox.publish(Topics.BOOKINGS, p.clinicId, subject(booking, p), events.depositPaid(p, booking, clinic, treatment));
        if (!wasCancelled && booking.status == BookingStatus.PENDING_PAYMENT && now.isBefore(booking.holdExpiresAt)) {
            bookingService.confirmPaid(booking, clinic, treatment, now);
            return;
        }
        if (booking.status == BookingStatus.PENDING_PAYMENT) {
            // its time ran out before anything marked it: expire it now, as the next write would
            booking.expire(now);
            waitlist.holdEnded(FreedTime.of(booking), true);
        }
        // the booking's time is gone (expired, cancelled or released): all of the money goes back
        CancellationFeePolicy.Outcome outcome = CancellationFeePolicy.paidAfterExpiry(p.amount());
        for (CancellationFeePolicy.Decision d : outcome.decisions()) {
            payments.persist(PaymentChange.decision(p, d.action(), d.amount(), d.rule(), now));
        }
        settle(p, booking, clinic, outcome, "paid-after-expiry", now);
    }

    // --- the command worker's answers -------------------------------------------------------------------------

    /** A refund or intent cancel was made at the provider: recorded, and a refund published (DepositRefunded). */
    public void commandDone(UUID clinicId, UUID commandId, String providerRef) {
        PaymentCommand c = payments.command(clinicId, commandId).orElseThrow();
        payments.done(commandId, providerRef, null);
        Payment p = payments.forUpdate(clinicId, c.paymentId).orElseThrow();
        Instant now = clock.instant();
        if (c.kind == PaymentCommand.Kind.CANCEL_INTENT) {
            payments.persist(p.moveTo(p.status, "intent-cancelled", now).withProviderRef(providerRef));
            return;
        }
        Amount amount = Amount.of(c.amountMinor, p.currency);
        p.refundedMinor += amount.minor();
        payments.persist(p.moveTo(p.status, "refund-sent", now).withAmount(amount).withRule(c.rule)
                .withProviderRef(providerRef));
        Booking booking = bookings.find(clinicId, p.bookingId).orElseThrow();
        Clinic clinic = clinics.require(clinicId);
        Treatment treatment = catalogue.find(clinicId, booking.treatmentId);
        outbox.publish(Topics.BOOKINGS, clinicId, subject(booking, p), events.depositRefunded(p, booking, clinic,
                treatment, amount, now, c.reason.name(), c.rule));
    }

    /** The provider refused a command for good (e.g. the intent was final already): recorded, not retried. */
    public void commandRefused(UUID clinicId, UUID commandId, String why) {
        PaymentCommand c = payments.command(clinicId, commandId).orElseThrow();
        payments.done(commandId, null, why);
        Payment p = payments.forUpdate(clinicId, c.paymentId).orElseThrow();
        payments.persist(p.moveTo(p.status, "provider-refused-" + c.kind.name().toLowerCase().replace('_', '-'),
                clock.instant()).withRule(truncate(why)));
        LOG.warnf("payment %s: the provider refused %s for good: %s", p.id, c.kind, why);
    }

    /** Erasure: the client is forgotten on its payments. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetClient(UUID clinicId, UUID clientId) {
        payments.anonymise(clinicId, clientId);
    }

    private static String subject(Booking b, Payment p) {
        return b.clientId != null ? b.clientId.toString() : p.clientId != null ? p.clientId.toString() : b.id.toString();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 100 ? s : s.substring(0, 100);
    }
}
