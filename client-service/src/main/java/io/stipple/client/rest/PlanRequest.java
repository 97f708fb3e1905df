package io.stipple.client.rest;

import io.stipple.client.domain.TreatmentType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A treatment plan to propose, or (PUT, with If-Match, while proposed) its new terms. */
@Schema(name = "PlanRequest")
public record PlanRequest(
        @NotNull @Schema(example = "PERMANENT_SMP") TreatmentType treatmentType,
        @Min(1) @Max(6) @Schema(description = "Defaults to 3", example = "3", nullable = true) Integer plannedSessions,
        @Min(1) @Max(365) @Schema(description = "Days between sessions; defaults to 7; below 7 only an admin, with a reason",
                example = "10", nullable = true) Integer healingIntervalDays,
        @Size(max = 500) @Schema(description = "Required with an admin override below the minimum", nullable = true,
                example = "Touch-up of a small area; healed fast last time") String healingIntervalOverrideReason,
        @Size(max = 4000) @Schema(description = "Hairline design: shape, position, density", nullable = true,
                example = "Soft, slightly receded adult hairline 7 cm above the brow") String hairlineDesignNotes) {
}
