package io.stipple.client.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a medical screening found, and the eligibility it implies.
 *
 * <p>Not eligible: an active scalp infection (treat it first), pregnancy (defer), a minor without a guardian's
 * consent. Needs a practitioner's review: keloid tendency, blood thinners, psoriasis or eczema on the scalp, an
 * allergy to pigments. Otherwise eligible.
 */
public record ScreeningAnswers(
        List<String> allergies,
        boolean pigmentAllergy,
        boolean keloidTendency,
        boolean bloodThinners,
        boolean psoriasis,
        boolean eczema,
        boolean activeScalpInfection,
        boolean pregnant,
        boolean minor,
        boolean guardianConsent) {

    public static final String ACTIVE_INFECTION = "Active scalp infection: treat it and screen again once healed";
    public static final String PREGNANCY = "Pregnancy: defer treatment until after pregnancy";
    public static final String MINOR_WITHOUT_GUARDIAN = "Minor without a guardian's consent";
    public static final String KELOID = "Keloid tendency: risk of raised scarring";
    public static final String BLOOD_THINNERS = "Blood thinners: bleeding may affect pigment retention";
    public static final String PSORIASIS = "Psoriasis on the scalp: treat only in a calm phase";
    public static final String ECZEMA = "Eczema on the scalp: treat only in a calm phase";
    public static final String PIGMENT_ALLERGY = "Allergy to pigments: patch test needed";

    public ScreeningAnswers {
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
    }

    /** The eligibility these answers imply, with every reason that contributed (most serious first). */
    public EligibilityAssessment assess() {
        List<String> blocking = new ArrayList<>();
        if (activeScalpInfection) blocking.add(ACTIVE_INFECTION);
        if (pregnant) blocking.add(PREGNANCY);
        if (minor && !guardianConsent) blocking.add(MINOR_WITHOUT_GUARDIAN);
        List<String> review = new ArrayList<>();
        if (keloidTendency) review.add(KELOID);
        if (bloodThinners) review.add(BLOOD_THINNERS);
        if (psoriasis) review.add(PSORIASIS);
        if (eczema) review.add(ECZEMA);
        if (pigmentAllergy) review.add(PIGMENT_ALLERGY);
        List<String> reasons = new ArrayList<>(blocking);
        reasons.addAll(review);
        Eligibility eligibility = !blocking.isEmpty() ? Eligibility.NOT_ELIGIBLE
                : !review.isEmpty() ? Eligibility.NEEDS_REVIEW
                : Eligibility.ELIGIBLE;
        return new EligibilityAssessment(eligibility, List.copyOf(reasons));
    }

    /** An eligibility and why. */
    public record EligibilityAssessment(Eligibility eligibility, List<String> reasons) {
    }
}
