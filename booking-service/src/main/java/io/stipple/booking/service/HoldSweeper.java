package io.stipple.booking.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.stipple.booking.domain.FreedTime;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Marks slot holds (and bookings whose time to pay a deposit ran out) EXPIRED, across clinics, every {@code booking.bookings.hold-sweep-every}. It frees
 * nothing that was not free already: availability ignores a dead hold from the instant it runs out, and every write
 * that could overlap one expires the clinic's dead holds in its own transaction first.
 */
@ApplicationScoped
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class);

    @Inject
    BookingRepository bookings;

    @Inject
    WaitlistService waitlist;

    @Inject
    PaymentService payments;

    @Inject
    Clock clock;

    @Scheduled(every = "${booking.bookings.hold-sweep-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int expired = expireRunOutHolds();
        if (expired > 0) {
            LOG.debugf("%d slot holds ran out", expired);
        }
    }

    /**
     * One sweep; returns how many holds it marked EXPIRED. Each goes to the waitlist in the same transaction (a
     * waitlist offer's hold running out expires the offer and passes its slot on).
     */
    public int expireRunOutHolds() {
        return Tenancy.acrossClinics("expire slot holds", () -> QuarkusTransaction.requiringNew().call(() -> {
            List<FreedTime> expired = bookings.expireHoldsOfAllClinics(clock.instant());
            expired.forEach(time -> waitlist.holdEnded(time, true));
            payments.bookingsExpired(expired);
            return expired.size();
        }));
    }
}
