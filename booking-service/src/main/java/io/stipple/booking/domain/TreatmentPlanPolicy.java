package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.Optional;

/**
 * A plan session belongs to an agreed treatment plan of the treatment's type: with no plan named, the client needs
 * one (422 {@code plan-required}); the plan must be agreed (422 {@code plan-not-agreed}, e.g. cancelled or completed)
 * and of the treatment's type (422 {@code treatment-not-in-plan}).
 */
public final class TreatmentPlanPolicy {

    private TreatmentPlanPolicy() {
    }

    /**
     * @param agreed the client's agreed plan of the treatment's type, empty when there is none
     * @return the plan
     */
    public static PlanProjection required(Treatment treatment, Optional<PlanProjection> agreed) {
        return agreed.orElseThrow(() -> new RuleViolation("plan-required",
                "The client has no agreed " + treatment.kind.planType() + " treatment plan"));
    }

    public static void check(Treatment treatment, PlanProjection plan) {
        if (!plan.isAgreed()) {
            throw new RuleViolation("plan-not-agreed", "Treatment plan " + plan.planId + " is " + plan.status);
        }
        if (plan.treatmentType != treatment.kind.planType()) {
            throw new RuleViolation("treatment-not-in-plan", "A " + treatment.kind + " is not part of a "
                    + plan.treatmentType + " plan");
        }
    }
}
