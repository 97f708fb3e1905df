package io.stipple.client.rest;

import io.stipple.client.domain.TreatmentPlan;
import io.stipple.client.service.PlanService;

public final class PlanMapper {

    public static PlanView toView(TreatmentPlan p) {
        return new PlanView(p.id, p.clientId, p.treatmentType, p.plannedSessions, p.healingIntervalDays,
                p.healingOverrideReason, p.healingOverrideBy, p.hairlineDesignNotes, p.hairlineSignedOffBy,
                p.hairlineSignedOffAt, p.status, p.eligibility, p.assessmentId, p.screeningId, p.createdBy,
                p.createdAt, p.agreedBy, p.agreedAt, p.startedAt, p.completedAt, p.cancelledAt, p.cancelReason,
                p.version);
    }

    public static PlanService.PlanTerms toCommand(PlanRequest r) {
        return new PlanService.PlanTerms(r.treatmentType(), r.plannedSessions(), r.healingIntervalDays(),
                r.healingIntervalOverrideReason(), r.hairlineDesignNotes());
    }

    private PlanMapper() {
    }
}
