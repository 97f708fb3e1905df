package io.stipple.client.service;

import io.stipple.client.config.ClientConfig;
import io.stipple.client.domain.Assessment;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.ConsentScope;
import io.stipple.client.domain.PlanStatus;
import io.stipple.client.domain.TreatmentPlan;
import io.stipple.client.domain.TreatmentType;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.AssessmentRepository;
import io.stipple.client.repository.ClientRepository;
import io.stipple.client.repository.ConsentRepository;
import io.stipple.client.repository.ScreeningRepository;
import io.stipple.client.repository.TreatmentPlanRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import io.stipple.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Treatment plans: proposed and edited by staff, agreed once consent and screening allow, then run to the end. */
@ApplicationScoped
@Transactional
public class PlanService {

    /** The unique index that allows one agreed or running plan per client. */
    static final String ONE_ACTIVE_PLAN = "treatment_plan_one_active";

    @Inject
    TreatmentPlanRepository plans;

    @Inject
    AssessmentRepository assessments;

    @Inject
    ScreeningRepository screenings;

    @Inject
    ConsentRepository consents;

    @Inject
    ClientRepository clients;

    @Inject
    ClientAccess access;

    @Inject
    Caller caller;

    @Inject
    ClientEventPublisher events;

    @Inject
    ClientConfig config;

    @Inject
    Clock clock;

    /**
     * A plan's terms, to propose it or (while proposed) replace them; null sessions or interval: the defaults. Below
     * the minimum interval only an admin, with a reason.
     */
    public record PlanTerms(TreatmentType treatmentType, Integer plannedSessions, Integer healingIntervalDays,
                            String healingIntervalOverrideReason, String hairlineDesignNotes) {
    }

    public TreatmentPlan propose(UUID clientId, PlanTerms r) {
        Client client = access.manageable(clientId);
        TreatmentPlan p = new TreatmentPlan();
        p.id = UUID.randomUUID();
        p.clientId = client.id;
        p.clinicId = client.clinicId;
        p.status = PlanStatus.PROPOSED;
        p.createdBy = caller.actor();
        p.createdAt = now();
        applyTerms(p, r);
        plans.add(p);
        return p;
    }

    public Page<TreatmentPlan> list(UUID clientId, PageQuery page) {
        access.readable(clientId);
        return plans.forClient(clientId, page);
    }

    public TreatmentPlan get(UUID clientId, UUID planId) {
        access.readable(clientId);
        return find(clientId, planId);
    }

    /** New terms for a plan that is still proposed. */
    public TreatmentPlan update(UUID clientId, UUID planId, long expectedVersion, PlanTerms r) {
        access.manageable(clientId);
        TreatmentPlan p = find(clientId, planId);
        ETags.checkCurrent(expectedVersion, p.version);
        p.requireEditable();
        boolean designChanged = !java.util.Objects.equals(p.hairlineDesignNotes, r.hairlineDesignNotes());
        applyTerms(p, r);
        if (designChanged) {
            // a changed design needs a new sign-off
            p.hairlineSignedOffBy = null;
            p.hairlineSignedOffAt = null;
        }
        return flushed(p);
    }

    public TreatmentPlan signOffHairline(UUID clientId, UUID planId, Long expectedVersion) {
        access.manageable(clientId);
        TreatmentPlan p = find(clientId, planId, expectedVersion);
        p.signOffHairline(caller.actor(), now());
        return flushed(p);
    }

    /**
     * Agrees the plan if the client's consents, screening and assessment allow it and no other plan is agreed or
     * running. The last rule is kept by the database (unique index {@value #ONE_ACTIVE_PLAN}): of agreements racing
     * for one client, one wins and the others get the same 409 as when the other plan was already agreed.
     */
    public TreatmentPlan agree(UUID clientId, UUID planId, Long expectedVersion) {
        Client client = access.manageable(clientId);
        // a consent withdrawal waits for the agreement (and the other way round); agreements do not block each other
        clients.lock(client, LockModeType.PESSIMISTIC_READ);
        TreatmentPlan p = find(clientId, planId, expectedVersion);
        Assessment latestAssessment = assessments.latest(clientId).orElse(null);
        p.agree(new TreatmentPlan.AgreementBasis(
                        consents.state(clientId).isGranted(ConsentScope.TREATMENT),
                        screenings.latest(clientId).orElse(null),
                        latestAssessment,
                        plans.otherActive(clientId, p.id).map(other -> other.id).orElse(null)),
                caller.actor(), now());
        try {
            plans.flushChanges();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, ONE_ACTIVE_PLAN)) {
                throw ProblemException.conflict("active-plan-exists",
                        "The client already has an agreed or running plan (agreed at the same moment); "
                                + "complete or cancel it first");
            }
            throw e;
        }
        events.planAgreed(p, latestAssessment, client);
        return p;
    }

    public TreatmentPlan start(UUID clientId, UUID planId, Long expectedVersion) {
        access.manageable(clientId);
        TreatmentPlan p = find(clientId, planId, expectedVersion);
        p.start(now());
        return flushed(p);
    }

    public TreatmentPlan complete(UUID clientId, UUID planId, Long expectedVersion) {
        access.manageable(clientId);
        TreatmentPlan p = find(clientId, planId, expectedVersion);
        p.complete(now());
        flushed(p);
        events.planCompleted(p);
        return p;
    }

    public TreatmentPlan cancel(UUID clientId, UUID planId, Long expectedVersion, String reason) {
        access.manageable(clientId);
        TreatmentPlan p = find(clientId, planId, expectedVersion);
        p.cancel(reason.trim(), now());
        flushed(p);
        events.planCancelled(p);
        return p;
    }

    private void applyTerms(TreatmentPlan p, PlanTerms r) {
        p.treatmentType = r.treatmentType();
        p.plannedSessions = r.plannedSessions() == null ? config.defaultPlannedSessions() : r.plannedSessions();
        int days = r.healingIntervalDays() == null ? config.defaultHealingIntervalDays() : r.healingIntervalDays();
        p.setHealingInterval(days, r.healingIntervalOverrideReason(), access.isAdmin(), caller.actor(),
                config.minHealingIntervalDays());
        p.hairlineDesignNotes = r.hairlineDesignNotes() == null || r.hairlineDesignNotes().isBlank()
                ? null : r.hairlineDesignNotes().trim();
    }

    private TreatmentPlan find(UUID clientId, UUID planId) {
        return plans.findForClient(clientId, planId).orElseThrow(() -> ProblemException.notFound("Treatment plan"));
    }

    /** With an optional If-Match: when given it must be current. */
    private TreatmentPlan find(UUID clientId, UUID planId, Long expectedVersion) {
        TreatmentPlan p = find(clientId, planId);
        if (expectedVersion != null) {
            ETags.checkCurrent(expectedVersion, p.version);
        }
        return p;
    }

    private TreatmentPlan flushed(TreatmentPlan p) {
        plans.flushChanges();
        return p;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
