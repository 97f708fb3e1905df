package io.stipple.client.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningAnswersTest {

    private static ScreeningAnswers clear() {
        return new ScreeningAnswers(List.of(), false, false, false, false, false, false, false, false, false);
    }

    private static ScreeningAnswers with(boolean pigment, boolean keloid, boolean thinners, boolean psoriasis,
                                         boolean eczema, boolean infection, boolean pregnant, boolean minor,
                                         boolean guardian) {
        return new ScreeningAnswers(List.of("latex"), pigment, keloid, thinners, psoriasis, eczema, infection, pregnant,
                minor, guardian);
    }

    @Test
    void nothingFoundIsEligible() {
        var result = clear().assess();
        assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void otherAllergiesAloneDoNotChangeEligibility() {
        assertThat(with(false, false, false, false, false, false, false, false, false).assess().eligibility())
                .isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void activeScalpInfectionIsNotEligible() {
        var result = with(false, false, false, false, false, true, false, false, false).assess();
        assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(result.reasons()).containsExactly(ScreeningAnswers.ACTIVE_INFECTION);
    }

    @Test
    void pregnancyDefersTreatment() {
        var result = with(false, false, false, false, false, false, true, false, false).assess();
        assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(result.reasons()).containsExactly(ScreeningAnswers.PREGNANCY);
    }

    @Test
    void minorNeedsGuardianConsent() {
        assertThat(with(false, false, false, false, false, false, false, true, false).assess().reasons())
                .containsExactly(ScreeningAnswers.MINOR_WITHOUT_GUARDIAN);
        assertThat(with(false, false, false, false, false, false, false, true, true).assess().eligibility())
                .isEqualTo(Eligibility.ELIGIBLE);
        // an adult needs no guardian
        assertThat(with(false, false, false, false, false, false, false, false, false).assess().eligibility())
                .isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void eachReviewFindingNeedsReview() {
        assertThat(with(false, true, false, false, false, false, false, false, false).assess().reasons())
                .containsExactly(ScreeningAnswers.KELOID);
        assertThat(with(false, false, true, false, false, false, false, false, false).assess().reasons())
                .containsExactly(ScreeningAnswers.BLOOD_THINNERS);
        assertThat(with(false, false, false, true, false, false, false, false, false).assess().reasons())
                .containsExactly(ScreeningAnswers.PSORIASIS);
        assertThat(with(false, false, false, false, true, false, false, false, false).assess().reasons())
                .containsExactly(ScreeningAnswers.ECZEMA);
        assertThat(with(true, false, false, false, false, false, false, false, false).assess().reasons())
                .containsExactly(ScreeningAnswers.PIGMENT_ALLERGY);
        assertThat(with(true, true, true, true, true, false, false, false, false).assess().eligibility())
                .isEqualTo(Eligibility.NEEDS_REVIEW);
    }

    @Test
    void notEligibleOutranksNeedsReviewAndListsEveryReasonMostSeriousFirst() {
        var result = with(false, true, false, false, false, true, true, false, false).assess();
        assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(result.reasons()).containsExactly(ScreeningAnswers.ACTIVE_INFECTION, ScreeningAnswers.PREGNANCY,
                ScreeningAnswers.KELOID);
    }

    @Test
    void reviewLetsNeedsReviewProceedButNeverNotEligible() {
        Screening needsReview = new Screening();
        needsReview.apply(with(false, true, false, false, false, false, false, false, false));
        assertThat(needsReview.allowsTreatment()).isFalse();
        needsReview.markReviewed("dr-1", java.time.Instant.parse("2026-11-25T10:00:00Z"), "ok");
        assertThat(needsReview.allowsTreatment()).isTrue();
        assertThat(needsReview.reviewedBy).isEqualTo("dr-1");

        Screening notEligible = new Screening();
        notEligible.apply(with(false, false, false, false, false, true, false, false, false));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> notEligible.markReviewed("dr-1", java.time.Instant.now(), null))
                .isInstanceOf(io.stipple.platform.problem.RuleViolation.class)
                .hasFieldOrPropertyWithValue("slug", "screening-review-not-needed");
        assertThat(notEligible.allowsTreatment()).isFalse();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> needsReview.markReviewed("dr-2", java.time.Instant.now(), null))
                .hasFieldOrPropertyWithValue("slug", "screening-already-reviewed");
    }
}
