package io.stipple.client.rest;

import io.stipple.client.domain.Screening;
import io.stipple.client.service.ScreeningService;

public final class ScreeningMapper {

    public static ScreeningView toView(Screening s) {
        return new ScreeningView(s.id, s.clientId, s.screenedAt, s.allergies, s.pigmentAllergy, s.keloidTendency,
                s.bloodThinners, s.psoriasis, s.eczema, s.activeScalpInfection, s.pregnant, s.minor,
                s.guardianConsent, s.notes, s.eligibility, s.reasons, s.reviewed, s.reviewedBy, s.reviewedAt,
                s.reviewNotes, s.allowsTreatment(), s.recordedBy, s.version);
    }

    public static ScreeningService.NewScreening toCommand(ScreeningRequest r) {
        return new ScreeningService.NewScreening(r.screenedAt(), r.allergies(), r.pigmentAllergy(), r.keloidTendency(),
                r.bloodThinners(), r.psoriasis(), r.eczema(), r.activeScalpInfection(), r.pregnant(),
                r.guardianConsent(), r.notes());
    }

    private ScreeningMapper() {
    }
}
