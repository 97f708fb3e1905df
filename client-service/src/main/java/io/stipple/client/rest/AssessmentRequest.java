package io.stipple.client.rest;

import io.stipple.client.domain.Condition;
import io.stipple.client.domain.DesiredLook;
import io.stipple.client.domain.HairLossScale;
import io.stipple.client.domain.ScarMaturity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A hair-loss assessment. The stage must belong to the scale (Norwood 1-7 with A/V variants, Ludwig I-III, none). */
@Schema(name = "AssessmentRequest")
public record AssessmentRequest(
        @Schema(description = "Defaults to now; not in the future", example = "2026-11-25T10:00:00Z", nullable = true)
        Instant assessedAt,
        @NotNull @Schema(example = "NORWOOD") HairLossScale scale,
        @Size(max = 5) @Schema(description = "Norwood 1,2,2A,3,3A,3V,4,4A,5,5A,5V,6,7; Ludwig I,II,III; null for NONE",
                example = "5A", nullable = true) String stage,
        @NotNull @Schema(example = "ANDROGENETIC") Condition condition,
        @NotNull @Min(0) @Max(100) @Schema(description = "Share of the scalp to treat, 0-100", example = "60")
        Integer coveragePercent,
        @NotNull @Min(1) @Max(6) @Schema(description = "Fitzpatrick skin type I-VI as 1-6", example = "3")
        Integer fitzpatrickType,
        @NotBlank @Size(max = 50) @Schema(example = "dark brown") String hairColour,
        @NotNull @Schema(example = "SHAVED_FOLLICLE_REPLICATION") DesiredLook desiredLook,
        @Valid @Schema(description = "Required for SCAR_* conditions, absent otherwise", nullable = true) Scar scar,
        @Size(max = 4000) @Schema(example = "Recession at temples, crown open", nullable = true) String notes) {

    /** A scar to camouflage: a strip's length (and width) or the FUE extraction area, and its maturity. */
    @Schema(name = "ScarDetails")
    public record Scar(
            @Min(1) @Max(1000) @Schema(description = "Required except for SCAR_FUE", example = "180", nullable = true)
            Integer lengthMm,
            @Min(1) @Max(200) @Schema(example = "4", nullable = true) Integer widthMm,
            @Min(1) @Max(1000) @Schema(description = "Required for SCAR_FUE", example = "120", nullable = true)
            Integer areaCm2,
            @NotNull @Schema(example = "MATURE") ScarMaturity maturity) {
    }
}
