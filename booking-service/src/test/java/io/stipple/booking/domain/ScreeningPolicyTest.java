package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import static io.stipple.booking.domain.PolicyFixtures.client;
import static io.stipple.booking.domain.PolicyFixtures.plan;
import static io.stipple.booking.domain.PolicyFixtures.treatment;
import static io.stipple.booking.domain.PolicyFixtures.violation;
import static org.assertj.core.api.Assertions.assertThatCode;

class ScreeningPolicyTest {

    private final Treatment smp = treatment(BookingKind.SMP_SESSION);
    private final Treatment topUp = treatment(BookingKind.TOP_UP);

    @Test
    void aConsultationNeedsNoScreening() {
        assertThatCode(() -> ScreeningPolicy.check(treatment(BookingKind.CONSULTATION), client(null), null))
                .doesNotThrowAnyException();
    }

    @Test
    void aTreatmentNeedsTheClientsLatestScreeningEligible() {
        assertThatCode(() -> ScreeningPolicy.check(topUp, client(ScreeningPolicy.ELIGIBLE), null)).doesNotThrowAnyException();
        // the client's own latest screening wins over the one the plan was agreed on
        PlanProjection agreedWhenEligible = plan(TreatmentType.PERMANENT_SMP, PlanProjection.AGREED, 3);
        agreedWhenEligible.eligibility = ScreeningPolicy.ELIGIBLE;
        violation(() -> ScreeningPolicy.check(smp, client("NOT_ELIGIBLE"), agreedWhenEligible), 422,
                "client-not-eligible", "The client's medical screening is NOT_ELIGIBLE; a treatment needs ELIGIBLE");
    }

    @Test
    void withoutTheClientsScreeningThePlansCounts() {
        PlanProjection plan = plan(TreatmentType.PERMANENT_SMP, PlanProjection.AGREED, 3);
        plan.eligibility = ScreeningPolicy.ELIGIBLE;
        assertThatCode(() -> ScreeningPolicy.check(smp, client(null), plan)).doesNotThrowAnyException();
        assertThatCode(() -> ScreeningPolicy.check(smp, null, plan)).doesNotThrowAnyException();
    }

    @Test
    void noScreeningAtAllIsClientNotEligible() {
        violation(() -> ScreeningPolicy.check(topUp, client(null), null), 422, "client-not-eligible",
                "The client's medical screening is missing; a treatment needs ELIGIBLE");
    }
}
