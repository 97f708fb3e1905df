package io.stipple.client.rest;

import io.stipple.client.domain.Condition;
import io.stipple.client.domain.DesiredLook;
import io.stipple.client.domain.HairLossScale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Assessment")
public record AssessmentView(
        @Schema(example = "9a7d6c5b-4e3f-4a21-8b0c-1d2e3f4a5b6c") UUID id,
        @Schema(example = "6f1c2a4e-8b0d-4c47-9a51-3f0e6d2b7c10") UUID clientId,
        @Schema(example = "2026-11-25T10:00:00Z") Instant assessedAt,
        @Schema(example = "NORWOOD") HairLossScale scale,
        @Schema(example = "5A", nullable = true, maxLength = 5) String stage,
        @Schema(example = "ANDROGENETIC") Condition condition,
        @Schema(example = "60") int coveragePercent,
        @Schema(example = "3") int fitzpatrickType,
        @Schema(example = "dark brown", maxLength = 50) String hairColour,
        @Schema(example = "SHAVED_FOLLICLE_REPLICATION") DesiredLook desiredLook,
        @Schema(nullable = true) AssessmentRequest.Scar scar,
        @Schema(example = "Recession at temples, crown open", nullable = true, maxLength = 4000) String notes,
        @Schema(example = "staff-7", maxLength = 200) String recordedBy,
        @Schema(example = "2026-11-25T10:05:00Z") Instant createdAt) {
}
