package io.stipple.booking.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.PaymentCommand;
import io.stipple.booking.domain.PaymentProvider;
import io.stipple.booking.repository.PaymentRepository;
import io.stipple.booking.repository.PaymentRepository.ClaimedCommand;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.work.AfterCommit;
import io.stipple.platform.work.Backoff;
import io.stipple.platform.work.Claim;
import io.stipple.platform.work.WorkerLoop;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the payment commands (refunds, intent cancels) after the commit that decided them, on the platform's
 * {@link WorkerLoop} (thread {@code payment-commands}): woken by that commit ({@link #wakeAfterCommit}), otherwise
 * every {@code booking.payments.commands-every} for what is still due. A round releases leases that ran out, claims due
 * commands under a lease ({@code for update skip locked}, so two instances never send one twice at once), and sends
 * each under its clinic ({@link Tenancy#asClinic}) with the command id as the provider's idempotency key — a
 * resend after a crash is the same call to the provider. No database transaction is open during a provider call: the
 * answer is recorded in a transaction of its own. A provider that cannot answer now gets the command again after
 * {@code retry-base} doubling up to {@code retry-max}; a refusal for good is recorded and not retried.
 */
@ApplicationScoped
public class PaymentCommandWorker {

    private static final Logger LOG = Logger.getLogger(PaymentCommandWorker.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    AfterCommit afterCommit;

    @Inject
    PaymentRepository repository;

    @Inject
    PaymentService payments;

    @Inject
    PaymentProvider provider;

    @Inject
    BookingConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private WokenWorker worker;

    @PostConstruct
    void init() {
        worker = new WokenWorker(afterCommit, PaymentCommandWorker.class);
    }

    void start(@Observes StartupEvent event) {
        worker.start("payment-commands", this::sendDue, BATCH, () -> config.payments().commandsEvery(), meters);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Wakes the worker once the current transaction (which wrote a command) has committed; never on rollback. */
    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    /** One round: sends every due command of every clinic it can claim; returns how many it claimed. */
    public int sendDue() {
        Instant now = clock.instant();
        List<ClaimedCommand> claimed = Tenancy.acrossClinics("payment commands", () -> {
            repository.releaseExpiredLeases(now);
            return repository.claim(Claim.of(now, LEASE), BATCH);
        });
        for (ClaimedCommand c : claimed) {
            Tenancy.asClinic(c.clinicId(), () -> send(c));
        }
        return claimed.size();
    }

    private void send(ClaimedCommand c) {
        String ref;
        try {
            if (c.kind() == PaymentCommand.Kind.REFUND) {
                ref = provider.refund(c.intentId(), Amount.of(c.amountMinor(), c.currency()), "stipple-refund-" + c.id()).id();
            } else {
                provider.cancelIntent(c.intentId(), "stipple-cancel-" + c.id());
                ref = c.intentId();
            }
        } catch (PaymentProvider.Refused e) {
            QuarkusTransaction.requiringNew().run(() -> payments.commandRefused(c.clinicId(), c.id(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            Duration wait = new Backoff(config.payments().retryBase(), config.payments().retryMax()).after(c.attempts());
            LOG.warnf("payment command %s (%s) failed (attempt %d), retried in %s: %s", c.id(), c.kind(), c.attempts(),
                    wait, e.getMessage());
            repository.retryAt(c.id(), clock.instant().plus(wait), e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> payments.commandDone(c.clinicId(), c.id(), ref));
    }
}
