package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.stipple.booking.domain.PolicyFixtures.plan;
import static io.stipple.booking.domain.PolicyFixtures.treatment;
import static io.stipple.booking.domain.PolicyFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TreatmentPlanPolicyTest {

    private final Treatment smp = treatment(BookingKind.SMP_SESSION);

    @Test
    void anAgreedPlanOfTheTreatmentsTypeIsBookable() {
        PlanProjection agreed = plan(TreatmentType.PERMANENT_SMP, PlanProjection.AGREED, 3);
        assertThat(TreatmentPlanPolicy.required(smp, Optional.of(agreed))).isSameAs(agreed);
        assertThatCode(() -> TreatmentPlanPolicy.check(smp, agreed)).doesNotThrowAnyException();
    }

    @Test
    void noAgreedPlanIsPlanRequired() {
        violation(() -> TreatmentPlanPolicy.required(smp, Optional.empty()), 422, "plan-required",
                "The client has no agreed PERMANENT_SMP treatment plan");
    }

    @Test
    void aCancelledOrCompletedPlanIsPlanNotAgreed() {
        for (String status : new String[]{PlanProjection.CANCELLED, PlanProjection.COMPLETED}) {
            PlanProjection closed = plan(TreatmentType.PERMANENT_SMP, status, 3);
            violation(() -> TreatmentPlanPolicy.check(smp, closed), 422, "plan-not-agreed",
                    "Treatment plan " + closed.planId + " is " + status);
        }
    }

    @Test
    void aPlanOfAnotherTypeIsTreatmentNotInPlan() {
        PlanProjection scar = plan(TreatmentType.SCAR_CAMOUFLAGE, PlanProjection.AGREED, 3);
        violation(() -> TreatmentPlanPolicy.check(smp, scar), 422, "treatment-not-in-plan",
                "A SMP_SESSION is not part of a SCAR_CAMOUFLAGE plan");
    }
}
