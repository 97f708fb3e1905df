package io.stipple.client.rest;

import io.stipple.client.domain.Eligibility;
import io.stipple.client.domain.PlanStatus;
import io.stipple.client.domain.TreatmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "TreatmentPlan")
public record PlanView(
        @Schema(example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(example = "6f1c2a4e-8b0d-4c47-9a51-3f0e6d2b7c10") UUID clientId,
        @Schema(example = "PERMANENT_SMP") TreatmentType treatmentType,
        @Schema(example = "3") int plannedSessions,
        @Schema(example = "10") int healingIntervalDays,
        @Schema(nullable = true, maxLength = 500) String healingIntervalOverrideReason,
        @Schema(nullable = true, maxLength = 200) String healingIntervalOverrideBy,
        @Schema(nullable = true, example = "Soft, slightly receded adult hairline 7 cm above the brow",
                maxLength = 4000) String hairlineDesignNotes,
        @Schema(nullable = true, example = "practitioner-2", maxLength = 200) String hairlineSignedOffBy,
        @Schema(nullable = true, example = "2026-11-25T11:00:00Z") Instant hairlineSignedOffAt,
        @Schema(example = "PROPOSED") PlanStatus status,
        @Schema(description = "Eligibility the plan was agreed on", nullable = true, example = "ELIGIBLE")
        Eligibility eligibility,
        @Schema(nullable = true) UUID assessmentId,
        @Schema(nullable = true) UUID screeningId,
        @Schema(example = "staff-7", maxLength = 200) String createdBy,
        @Schema(example = "2026-11-25T10:30:00Z") Instant createdAt,
        @Schema(nullable = true, maxLength = 200) String agreedBy,
        @Schema(nullable = true) Instant agreedAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant completedAt,
        @Schema(nullable = true) Instant cancelledAt,
        @Schema(nullable = true, maxLength = 500) String cancelReason,
        @Schema(description = "Also the ETag", example = "0") long version) {
}
