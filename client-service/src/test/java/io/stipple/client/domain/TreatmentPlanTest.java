package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreatmentPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static TreatmentPlan proposed() {
        TreatmentPlan p = new TreatmentPlan();
        p.id = UUID.randomUUID();
        p.status = PlanStatus.PROPOSED;
        p.treatmentType = TreatmentType.PERMANENT_SMP;
        p.plannedSessions = 3;
        p.healingIntervalDays = 7;
        return p;
    }

    private static Screening screening(Eligibility eligibility, boolean reviewed) {
        Screening s = new Screening();
        s.id = UUID.randomUUID();
        s.eligibility = eligibility;
        s.reviewed = reviewed;
        s.reasons = List.of("reason");
        return s;
    }

    private static Assessment assessment() {
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        return a;
    }

    private static String slugOf(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation e) {
            return e.slug();
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void healingIntervalOfSevenOrMoreNeedsNoOverride() {
        TreatmentPlan p = proposed();
        p.setHealingInterval(7, null, false, "staff", 7);
        assertThat(p.healingIntervalDays).isEqualTo(7);
        p.setHealingInterval(14, "ignored", false, "staff", 7);
        assertThat(p.healingOverrideReason).isNull();
    }

    @Test
    void belowSevenDaysOnlyAnAdminWithAReason() {
        TreatmentPlan p = proposed();
        assertThat(slugOf(() -> p.setHealingInterval(5, "fast healer", false, "staff", 7)))
                .isEqualTo("healing-interval-override-required");
        assertThat(slugOf(() -> p.setHealingInterval(5, " ", true, "admin", 7)))
                .isEqualTo("healing-interval-override-required");
        assertThat(p.healingIntervalDays).isEqualTo(7);
        p.setHealingInterval(5, "fast healer", true, "admin", 7);
        assertThat(p.healingIntervalDays).isEqualTo(5);
        assertThat(p.healingOverrideReason).isEqualTo("fast healer");
        assertThat(p.healingOverrideBy).isEqualTo("admin");
    }

    @Test
    void agreeingNeedsTreatmentConsent() {
        TreatmentPlan p = proposed();
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(false,
                screening(Eligibility.ELIGIBLE, false), assessment(), null), "staff", NOW)))
                .isEqualTo("treatment-consent-missing");
    }

    @Test
    void agreeingNeedsAScreeningThatAllowsTreatment() {
        TreatmentPlan p = proposed();
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(true, null, assessment(), null), "s", NOW)))
                .isEqualTo("screening-missing");
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(true,
                screening(Eligibility.NOT_ELIGIBLE, false), assessment(), null), "s", NOW)))
                .isEqualTo("client-not-eligible");
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(true,
                screening(Eligibility.NEEDS_REVIEW, false), assessment(), null), "s", NOW)))
                .isEqualTo("screening-review-pending");
        assertThat(p.status).isEqualTo(PlanStatus.PROPOSED);

        p.agree(new TreatmentPlan.AgreementBasis(true, screening(Eligibility.NEEDS_REVIEW, true), assessment(), null),
                "s", NOW);
        assertThat(p.status).isEqualTo(PlanStatus.AGREED);
        assertThat(p.eligibility).isEqualTo(Eligibility.NEEDS_REVIEW);
        assertThat(p.agreedAt).isEqualTo(NOW);
    }

    @Test
    void agreeingNeedsAnAssessmentAndNoOtherActivePlan() {
        TreatmentPlan p = proposed();
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(true,
                screening(Eligibility.ELIGIBLE, false), null, null), "s", NOW))).isEqualTo("assessment-missing");
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(true,
                screening(Eligibility.ELIGIBLE, false), assessment(), UUID.randomUUID()), "s", NOW)))
                .isEqualTo("active-plan-exists");
    }

    @Test
    void lifecycleTransitions() {
        TreatmentPlan p = proposed();
        assertThat(slugOf(() -> p.start(NOW))).isEqualTo("invalid-plan-transition");
        assertThat(slugOf(() -> p.complete(NOW))).isEqualTo("invalid-plan-transition");
        p.agree(new TreatmentPlan.AgreementBasis(true, screening(Eligibility.ELIGIBLE, false), assessment(), null),
                "s", NOW);
        assertThat(slugOf(p::requireEditable)).isEqualTo("invalid-plan-transition");
        assertThat(slugOf(() -> p.agree(new TreatmentPlan.AgreementBasis(true,
                screening(Eligibility.ELIGIBLE, false), assessment(), null), "s", NOW)))
                .isEqualTo("invalid-plan-transition");
        p.start(NOW);
        assertThat(p.status).isEqualTo(PlanStatus.IN_PROGRESS);
        p.complete(NOW);
        assertThat(p.status).isEqualTo(PlanStatus.COMPLETED);
        assertThat(slugOf(() -> p.cancel("late", NOW))).isEqualTo("invalid-plan-transition");

        TreatmentPlan q = proposed();
        q.cancel("changed mind", NOW);
        assertThat(q.status).isEqualTo(PlanStatus.CANCELLED);
        assertThat(q.cancelReason).isEqualTo("changed mind");
    }

    @Test
    void hairlineSignOffNeedsDesignNotes() {
        TreatmentPlan p = proposed();
        assertThat(slugOf(() -> p.signOffHairline("dr", NOW))).isEqualTo("hairline-design-missing");
        p.hairlineDesignNotes = "soft hairline";
        p.signOffHairline("dr", NOW);
        assertThat(p.hairlineSignedOffBy).isEqualTo("dr");
        assertThat(p.hairlineSignedOffAt).isEqualTo(NOW);
    }
}
