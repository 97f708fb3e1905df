package io.stipple.client.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Everything client-service holds about a client (GDPR Art. 15/20), as one document. */
@Schema(name = "ClientExport")
public record ClientExport(
        @Schema(example = "2026-11-25T12:00:00Z") Instant exportedAt,
        ClientView client,
        List<AssessmentView> assessments,
        List<ScreeningView> screenings,
        ConsentsView consents,
        List<ConsentView> consentHistory,
        List<PlanView> treatmentPlans,
        @Schema(description = "Who read or changed the client's medical data and consents") List<AuditEntryView> accessLog) {
}
