package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingRuleException;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.HealingInterval;
import io.stipple.booking.domain.HealingIntervalPolicy;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.SessionProfile;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.repository.ProjectionRepository;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything about a client's next session that comes from their plan and the projection: whether they may be
 * booked at all (plan agreed, screening eligible), how long their session is, which session number it is, and
 * the window the healing interval leaves it.
 */
@ApplicationScoped
public class SessionPlanner {

    public static final String ELIGIBLE = "ELIGIBLE";

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
     * The client must be a client of the clinic (known from client-service's events in this clinic, not erased):
     * anything else is 422 {@code unknown-client} / {@code client-erased}, consultations included.
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
                plan = projections.agreedPlan(clinic.id, clientId, treatment.kind.planType(), lock)
                        .orElseThrow(() -> new BookingRuleException("plan-required",
                                "The client has no agreed " + treatment.kind.planType() + " treatment plan"));
            }
            if (!plan.isAgreed()) {
                throw new BookingRuleException("plan-not-agreed", "Treatment plan " + plan.planId + " is " + plan.status);
            }
            if (plan.treatmentType != treatment.kind.planType()) {
                throw new BookingRuleException("treatment-not-in-plan", "A " + treatment.kind + " is not part of a "
                        + plan.treatmentType + " plan");
            }
        }
        if (treatment.kind.needsEligibleScreening()) {
            String eligibility = client != null && client.eligibility != null ? client.eligibility
                    : plan != null ? plan.eligibility : null;
            if (!ELIGIBLE.equals(eligibility)) {
                throw new BookingRuleException("client-not-eligible", "The client's medical screening is "
                        + (eligibility == null ? "missing" : eligibility) + "; a treatment needs ELIGIBLE");
            }
        }
        SessionProfile profile = plan != null ? plan.profile() : client != null ? client.profile() : SessionProfile.UNKNOWN;
        Duration length = existing != null ? existing.sessionLength() : treatment.sessionLength(profile);
        if (plan == null) {
            return new SessionContext(client, null, profile, length, null, null, null, null);
        }
        List<Booking> live = bookings.planSessions(clinic.id, plan.planId).stream()
                .filter(b -> existing == null || !b.id.equals(existing.id))
                .toList();
        int number = existing != null ? existing.sessionNumber : lowestFree(live);
        if (number > plan.plannedSessions) {
            throw new BookingRuleException("plan-sessions-exhausted", "All " + plan.plannedSessions
                    + " planned sessions of plan " + plan.planId + " are booked or done; a top-up is its own treatment");
        }
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

    /** The clinic's client, or 422: unknown to the clinic ({@code unknown-client}) or erased ({@code client-erased}). */
    private ClientProjection knownClient(UUID clinicId, UUID clientId, Purpose purpose) {
        if (clientId == null) {
            // an anonymised booking: its client was erased
            throw new BookingRuleException("client-erased", "The client's records have been erased");
        }
        ClientProjection client = (purpose == Purpose.BOOK ? projections.clientForBooking(clinicId, clientId)
                : projections.client(clinicId, clientId))
                .orElseThrow(() -> ProblemException.unprocessable("unknown-client", "Client " + clientId
                        + " is not a client of this clinic (booking-service learns the clinic's clients from client-service)")
                        .with("clientId", clientId.toString()));
        if (client.erased()) {
            throw new BookingRuleException("client-erased", "The client's records have been erased");
        }
        return client;
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

    private static int lowestFree(List<Booking> live) {
        int n = 1;
        for (Booking b : live) { // ordered by session number
            if (b.sessionNumber == n) n++;
            else if (b.sessionNumber > n) break;
        }
        return n;
    }
}
