package io.stipple.client.rest;

import io.stipple.client.domain.Screening;

public final class ScreeningMapper {

    public static ScreeningView toView(Screening s) {
        return new ScreeningView(s.id, s.clientId, s.screenedAt, s.allergies, s.pigmentAllergy, s.keloidTendency,
                s.bloodThinners, s.psoriasis, s.eczema, s.activeScalpInfection, s.pregnant, s.minor,
                s.guardianConsent, s.notes, s.eligibility, s.reasons, s.reviewed, s.reviewedBy, s.reviewedAt,
                s.reviewNotes, s.allowsTreatment(), s.recordedBy, s.version);
    }

    private ScreeningMapper() {
    }
}
