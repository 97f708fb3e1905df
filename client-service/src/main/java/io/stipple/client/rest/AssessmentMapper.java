package io.stipple.client.rest;

import io.stipple.client.domain.Assessment;
import io.stipple.client.domain.ScarDetails;
import io.stipple.client.service.AssessmentService;

public final class AssessmentMapper {

    public static AssessmentView toView(Assessment a) {
        AssessmentRequest.Scar scar = a.scar == null ? null
                : new AssessmentRequest.Scar(a.scar.lengthMm, a.scar.widthMm, a.scar.areaCm2, a.scar.maturity);
        return new AssessmentView(a.id, a.clientId, a.assessedAt, a.scale, a.stage, a.condition, a.coveragePercent,
                a.fitzpatrickType, a.hairColour, a.desiredLook, scar, a.notes, a.recordedBy, a.createdAt);
    }

    public static AssessmentService.NewAssessment toCommand(AssessmentRequest r) {
        return new AssessmentService.NewAssessment(r.assessedAt(), r.scale(), r.stage(), r.condition(),
                r.coveragePercent(), r.fitzpatrickType(), r.hairColour(), r.desiredLook(), toScar(r.scar()), r.notes());
    }

    private static ScarDetails toScar(AssessmentRequest.Scar scar) {
        return scar == null ? null : new ScarDetails(scar.lengthMm(), scar.widthMm(), scar.areaCm2(), scar.maturity());
    }

    private AssessmentMapper() {
    }
}
