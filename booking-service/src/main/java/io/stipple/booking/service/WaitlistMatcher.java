package io.stipple.booking.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.stipple.booking.repository.WaitlistRepository;
import io.stipple.booking.repository.WaitlistRepository.PendingSlot;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.problem.RuleViolation;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Matches freed time to the waitlist after the transaction that freed it commits, on a worker thread of its own, one
 * {@link WaitlistService#offerNext} step per transaction under the slot's clinic ({@link Tenancy#asClinic}). The slot
 * row is the durable record: if the process dies before or while matching, the sweep (every
 * {@code booking.waitlist.match-every}) takes it up again, and a step locks the slot {@code for update skip locked},
 * so two workers (of one or two instances) never match one slot at once. An entry whose client a booking rule
 * refuses is skipped for the rest of the round; a failure of anything else leaves the slot to the next sweep.
 */
@ApplicationScoped
public class WaitlistMatcher {

    private static final Logger LOG = Logger.getLogger(WaitlistMatcher.class);

    /** A bound on the steps of one round (each step offers once or skips one entry). */
    private static final int MAX_STEPS = 1_000;

    /** How many waiting slots one sweep takes up. */
    private static final int SWEEP_BATCH = 100;

    @Inject
    TransactionSynchronizationRegistry txRegistry;

    @Inject
    WaitlistService waitlist;

    @Inject
    WaitlistRepository repository;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "waitlist-matcher");
        t.setDaemon(true);
        return t;
    });

    /** Matches the slot once the current transaction has committed (nothing if it rolls back). */
    void matchAfterCommit(UUID clinicId, UUID slotId) {
        @SuppressWarnings("unchecked")
        List<PendingSlot> slots = (List<PendingSlot>) txRegistry.getResource(WaitlistMatcher.class);
        if (slots == null) {
            List<PendingSlot> registered = new ArrayList<>();
            txRegistry.putResource(WaitlistMatcher.class, registered);
            txRegistry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        worker.submit(() -> registered.forEach(WaitlistMatcher.this::match));
                    }
                }
            });
            slots = registered;
        }
        slots.add(new PendingSlot(clinicId, slotId));
    }

    @Scheduled(every = "${booking.waitlist.match-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        matchPending();
    }

    /** One sweep: matches the slots of every clinic still waiting to be matched; returns how many it took up. */
    public int matchPending() {
        List<PendingSlot> pending = Tenancy.acrossClinics("waitlist matching",
                () -> QuarkusTransaction.requiringNew().call(() -> repository.pendingSlots(SWEEP_BATCH)));
        pending.forEach(this::match);
        return pending.size();
    }

    private void match(PendingSlot slot) {
        try {
            Tenancy.asClinic(slot.clinicId(), () -> matchInClinic(slot));
        } catch (RuntimeException e) {
            LOG.warnf(e, "waitlist matching of slot %s stopped; the next sweep takes it up again", slot.id());
        }
    }

    private void matchInClinic(PendingSlot slot) {
        Set<UUID> tried = new HashSet<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            AtomicReference<UUID> attempted = new AtomicReference<>();
            try {
                WaitlistService.Step done = QuarkusTransaction.requiringNew()
                        .call(() -> waitlist.offerNext(slot.clinicId(), slot.id(), tried, attempted::set));
                if (done == WaitlistService.Step.DONE) {
                    return;
                }
            } catch (RuntimeException e) {
                if (attempted.get() == null || !refusedByRule(e)) {
                    throw e;
                }
                LOG.debugf("waitlist entry %s does not fit slot %s: %s", attempted.get(), slot.id(), e.getMessage());
                tried.add(attempted.get());
            }
        }
    }

    /** A booking rule refused the entry's client (a 4xx problem), as opposed to a failure of the service. */
    private static boolean refusedByRule(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation || t instanceof ProblemException) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
