package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A treatment plan: what is done over how many sessions, with how many healing days between them. Its
 * lifecycle is proposed → agreed → in progress → completed, or cancelled while open.
 */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan {

    @Id
    public UUID id;

    @Column(name = "client_id", updatable = false)
    public UUID clientId;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_type")
    public TreatmentType treatmentType;

    @Column(name = "planned_sessions")
    public int plannedSessions;

    @Column(name = "healing_interval_days")
    public int healingIntervalDays;

    @Column(name = "healing_override_reason")
    public String healingOverrideReason;

    @Column(name = "healing_override_by")
    public String healingOverrideBy;

    @Column(name = "hairline_design_notes")
    public String hairlineDesignNotes;

    @Column(name = "hairline_signed_off_by")
    public String hairlineSignedOffBy;

    @Column(name = "hairline_signed_off_at")
    public Instant hairlineSignedOffAt;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    /** The assessment and screening the plan was agreed on. */
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "screening_id")
    public UUID screeningId;

    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "agreed_by")
    public String agreedBy;

    @Column(name = "agreed_at")
    public Instant agreedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public long version;

    /**
     * Sets the healing interval between sessions. Below {@code minimumDays} only an admin may go, and only with a
     * reason (422 {@code healing-interval-override-required} otherwise).
     */
    public void setHealingInterval(int days, String overrideReason, boolean byAdmin, String by, int minimumDays) {
        if (days < minimumDays) {
            if (!byAdmin) {
                throw new RuleViolation("healing-interval-override-required",
                        "A healing interval below " + minimumDays + " days needs an admin override with a reason")
                        .with("minimumDays", minimumDays);
            }
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new RuleViolation("healing-interval-override-required",
                        "An admin override below " + minimumDays + " days needs healingIntervalOverrideReason")
                        .with("minimumDays", minimumDays);
            }
            healingOverrideReason = overrideReason.trim();
            healingOverrideBy = by;
        } else {
            healingOverrideReason = null;
            healingOverrideBy = null;
        }
        healingIntervalDays = days;
    }

    /** Only a proposed plan can be edited. */
    public void requireEditable() {
        requireStatus("edit", Set.of(PlanStatus.PROPOSED));
    }

    /** A practitioner signs off the hairline design (who and when), which needs design notes, before work starts. */
    public void signOffHairline(String by, Instant at) {
        requireStatus("sign off the hairline of", Set.of(PlanStatus.PROPOSED, PlanStatus.AGREED));
        if (hairlineDesignNotes == null || hairlineDesignNotes.isBlank()) {
            throw new RuleViolation("hairline-design-missing",
                    "Add hairline design notes to the plan before signing them off");
        }
        hairlineSignedOffBy = by;
        hairlineSignedOffAt = at;
    }

    /**
     * The client agrees the plan. Needs a current treatment consent, a latest screening that allows treatment
     * (eligible, or needing review and reviewed), an assessment, and no other agreed or running plan.
     */
    public void agree(AgreementBasis basis, String by, Instant at) {
        requireStatus("agree", Set.of(PlanStatus.PROPOSED));
        if (!basis.treatmentConsentGranted()) {
            throw new RuleViolation("treatment-consent-missing",
                    "The client has no current TREATMENT consent; record it before agreeing the plan")
                    .with("missing", "TREATMENT_CONSENT");
        }
        Screening screening = basis.latestScreening();
        if (screening == null) {
            throw new RuleViolation("screening-missing",
                    "The client has no medical screening; record one before agreeing the plan")
                    .with("missing", "SCREENING");
        }
        if (screening.eligibility == Eligibility.NOT_ELIGIBLE) {
            throw new RuleViolation("client-not-eligible",
                    "The latest screening found the client not eligible: " + String.join("; ", screening.reasons))
                    .with("reasons", screening.reasons);
        }
        if (!screening.allowsTreatment()) {
            throw new RuleViolation("screening-review-pending",
                    "The latest screening needs a practitioner's review first: " + String.join("; ", screening.reasons))
                    .with("screeningId", screening.id)
                    .with("reasons", screening.reasons);
        }
        if (basis.latestAssessment() == null) {
            throw new RuleViolation("assessment-missing",
                    "The client has no hair-loss assessment; record one before agreeing the plan")
                    .with("missing", "ASSESSMENT");
        }
        if (basis.otherActivePlan() != null) {
            throw RuleViolation.conflict("active-plan-exists",
                    "The client already has an agreed or running plan; complete or cancel it first")
                    .with("activePlanId", basis.otherActivePlan());
        }
        status = PlanStatus.AGREED;
        agreedBy = by;
        agreedAt = at;
        assessmentId = basis.latestAssessment().id;
        screeningId = screening.id;
        eligibility = screening.eligibility;
    }

    /** The first session has been booked or done: the plan is under way. */
    public void start(Instant at) {
        requireStatus("start", Set.of(PlanStatus.AGREED));
        status = PlanStatus.IN_PROGRESS;
        startedAt = at;
    }

    public void complete(Instant at) {
        requireStatus("complete", Set.of(PlanStatus.AGREED, PlanStatus.IN_PROGRESS));
        status = PlanStatus.COMPLETED;
        completedAt = at;
    }

    public void cancel(String reason, Instant at) {
        requireStatus("cancel", Set.of(PlanStatus.PROPOSED, PlanStatus.AGREED, PlanStatus.IN_PROGRESS));
        status = PlanStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
    }

    private void requireStatus(String action, Set<PlanStatus> allowed) {
        if (!allowed.contains(status)) {
            throw RuleViolation.conflict("invalid-plan-transition",
                    "Cannot " + action + " a plan that is " + status).with("status", status.name());
        }
    }

    /** What agreeing a plan depends on, gathered by the service. */
    public record AgreementBasis(boolean treatmentConsentGranted, Screening latestScreening,
                                 Assessment latestAssessment, UUID otherActivePlan) {
    }
}
