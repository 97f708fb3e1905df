package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.HealingInterval;
import io.stipple.booking.domain.HealingIntervalPolicy;
import io.stipple.booking.domain.KnownClientPolicy;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.PlannedSessionsPolicy;
import io.stipple.booking.domain.ScreeningPolicy;
import io.stipple.booking.domain.SessionProfile;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.domain.TreatmentPlanPolicy;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.ProjectionRepository;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything about a client's next session that comes from their plan and the projection: whether they may be
 * booked at all ({@link KnownClientPolicy}, {@link TreatmentPlanPolicy}, {@link ScreeningPolicy}), how long their
 * session is, which session number it is ({@link PlannedSessionsPolicy}), and the window the healing interval leaves
 * it. The rules are the domain's policies; this class finds and locks what they decide on.
 */
@ApplicationScoped
public class SessionPlanner {

    @Inject
    ProjectionRepository projections;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingConfig config;

    /**
     * @param earliestStart the healing interval's lower bound (after session N−1), or null
     * @param latestEnd     the healing interval's upper bound on this session's end (before session N+1), or null
     */
    public record SessionContext(ClientProjection client, PlanProjection plan, SessionProfile profile, Duration length,
                                 Integer sessionNumber, HealingInterval interval, Instant earliestStart,
                                 Instant latestEnd) {

        public boolean fits(Instant start) {
            return HealingIntervalPolicy.allows(start, length, earliestStart, latestEnd);
        }
    }

    /** What the context is for: an availability search only reads; a booking or a move locks what it relies on. */
    public enum Purpose {
        SEARCH, BOOK, RESCHEDULE
    }

    /**
     * The client must be a client of the clinic ({@link KnownClientPolicy}: known from client-service's events in this
     * clinic, not erased), consultations included; a plan session needs an agreed plan of its type
     * ({@link TreatmentPlanPolicy}) and a free planned session ({@link PlannedSessionsPolicy}); a treatment an
     * eligible screening ({@link ScreeningPolicy}). A plan named that is not the client's in this clinic is 404.
     *
     * <p>For {@link Purpose#BOOK} the client's row is share-locked (an erasure waits for the booking, or the booking
     * sees the erasure); for BOOK and RESCHEDULE the plan's row is locked for update, so the session numbers, the
     * count of sessions and the healing interval between them are decided one change of the plan at a time (and a
     * plan being cancelled is never booked into). Lock order everywhere: client, plan, booking.
     *
     * @param requestedPlan the plan named by the caller, or null for the client's agreed plan of the type
     * @param overrideDays  an admin's shorter healing interval, or null
     * @param existing      the booking being rescheduled (keeps its plan and number), or null for a new one
     */
    public SessionContext plan(Clinic clinic, Treatment treatment, UUID clientId, UUID requestedPlan,
                               Integer overrideDays, Booking existing, Purpose purpose) {
        ClientProjection client = knownClient(clinic.id, clientId, purpose);
        PlanProjection plan = null;
        if (treatment.kind.isPlanSession()) {
            boolean lock = purpose != Purpose.SEARCH;
            UUID planId = existing != null ? existing.planId : requestedPlan;
            if (planId != null) {
                plan = (lock ? projections.planForUpdate(clinic.id, planId) : projections.plan(clinic.id, planId))
                        .filter(p -> p.clientId.equals(clientId))
                        .orElseThrow(() -> ProblemException.notFound("Treatment plan " + planId));
            } else {
                plan = TreatmentPlanPolicy.required(treatment,
                        projections.agreedPlan(clinic.id, clientId, treatment.kind.planType(), lock));
            }
            TreatmentPlanPolicy.check(treatment, plan);
        }
        ScreeningPolicy.check(treatment, client, plan);
        SessionProfile profile = plan != null ? plan.profile() : client != null ? client.profile() : SessionProfile.UNKNOWN;
        Duration length = existing != null ? existing.sessionLength() : treatment.sessionLength(profile);
        if (plan == null) {
            return new SessionContext(client, null, profile, length, null, null, null, null);
        }
        List<Booking> live = bookings.planSessions(clinic.id, plan.planId).stream()
                .filter(b -> existing == null || !b.id.equals(existing.id))
                .toList();
        int number = existing != null ? existing.sessionNumber : PlannedSessionsPolicy.nextNumber(plan, live);
        HealingInterval interval = HealingInterval.effective(plan.healingIntervalDays, plan.healingIntervalOverridden,
                treatment.healingIntervalDays, config.healing().defaultIntervalDays(),
                config.healing().minimumIntervalDays(), overrideDays);
        Instant earliest = null;
        Instant latestEnd = null;
        for (Booking b : live) {
            if (b.sessionNumber == number - 1) {
                earliest = interval.earliestNextStart(b.healingCountsFrom(), clinic.zone());
            } else if (b.sessionNumber == number + 1) {
                latestEnd = b.startsAt.atZone(clinic.zone()).minusDays(interval.days()).toInstant();
            }
        }
        return new SessionContext(client, plan, profile, length, number, interval, earliest, latestEnd);
    }

    /** Locks the plan's row for a change of one of its sessions (see {@link #plan}). */
    public void lockPlan(UUID clinicId, UUID planId) {
        projections.planForUpdate(clinicId, planId);
    }

    /** The clinic's client ({@link KnownClientPolicy}); share-locked for a booking. */
    private ClientProjection knownClient(UUID clinicId, UUID clientId, Purpose purpose) {
        Optional<ClientProjection> found = clientId == null ? Optional.empty()
                : purpose == Purpose.BOOK ? projections.clientForBooking(clinicId, clientId)
                : projections.client(clinicId, clientId);
        return KnownClientPolicy.check(clientId, found);
    }

    /** What downstream needs about a completed session: its plan (if any), client and the interval that applies. */
    public record Completed(PlanProjection plan, ClientProjection client, Integer healingIntervalDays) {
    }

    public Completed completed(Booking booking, Treatment treatment) {
        PlanProjection plan = booking.planId == null ? null : projections.plan(booking.clinicId, booking.planId).orElse(null);
        ClientProjection client = booking.clientId == null ? null
                : projections.client(booking.clinicId, booking.clientId).orElse(null);
        HealingInterval interval = HealingInterval.effective(plan != null ? plan.healingIntervalDays : null,
                plan != null && plan.healingIntervalOverridden, treatment.healingIntervalDays,
                config.healing().defaultIntervalDays(),
                config.healing().minimumIntervalDays(), booking.healingOverrideDays);
        return new Completed(plan, client, interval.days());
    }
}
