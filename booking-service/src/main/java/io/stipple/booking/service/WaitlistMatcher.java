package io.stipple.booking.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.repository.WaitlistRepository;
import io.stipple.booking.repository.WaitlistRepository.PendingSlot;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.problem.RuleViolation;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.work.AfterCommit;
import io.stipple.platform.work.WorkerLoop;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Matches freed time to the waitlist, on the platform's {@link WorkerLoop} (thread {@code waitlist-matcher}): a commit
 * that freed time wakes it ({@link #wakeAfterCommit}), and otherwise it looks every {@code booking.waitlist.match-every}
 * for slots still waiting (what a process that died left behind). Each slot is matched one
 * {@link WaitlistService#offerNext} step per transaction under the slot's clinic ({@link Tenancy#asClinic}); a step
 * locks the slot {@code for update skip locked}, so two workers (of one or two instances) never match one slot at once.
 * An entry whose client a booking rule refuses is skipped for the rest of the round; a failure of anything else leaves
 * the slot to the next round.
 */
@ApplicationScoped
public class WaitlistMatcher {

    private static final Logger LOG = Logger.getLogger(WaitlistMatcher.class);

    /** A bound on the steps of one slot's matching (each step offers once or skips one entry). */
    private static final int MAX_STEPS = 1_000;

    /** How many waiting slots one round takes up. */
    private static final int ROUND_BATCH = 100;

    @Inject
    AfterCommit afterCommit;

    @Inject
    WaitlistService waitlist;

    @Inject
    WaitlistRepository repository;

    @Inject
    BookingConfig config;

    @Inject
    MeterRegistry meters;

    private WokenWorker worker;

    @PostConstruct
    void init() {
        worker = new WokenWorker(afterCommit, WaitlistMatcher.class);
    }

    void start(@Observes StartupEvent event) {
        worker.start("waitlist-matcher", this::matchPending, ROUND_BATCH, () -> config.waitlist().matchEvery(), meters);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Wakes the matcher once the current transaction (which wrote a waiting slot) has committed; never on rollback. */
    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    /** One round: matches the slots of every clinic still waiting to be matched; returns how many it took up. */
    public int matchPending() {
        List<PendingSlot> pending = Tenancy.acrossClinics("waitlist matching",
                () -> QuarkusTransaction.requiringNew().call(() -> repository.pendingSlots(ROUND_BATCH)));
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

}
