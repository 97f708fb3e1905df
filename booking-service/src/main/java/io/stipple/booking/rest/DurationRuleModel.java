package io.stipple.booking.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DurationRule", description = "Clients matching every given criterion get a session of durationMinutes; "
        + "empty criteria match anyone. Rules are tried in order; the first match wins, else the base duration.")
public record DurationRuleModel(
        @Size(max = 20) @Schema(description = "Hair-loss stages (Norwood 1–7, Ludwig I–III)", example = "[\"6\", \"7\"]") List<@NotBlank @Size(max = 10) String> stages,
        @Size(max = 20) @Schema(description = "Conditions", example = "[\"ALOPECIA_TOTALIS\"]") List<@NotBlank @Size(max = 40) String> conditions,
        @Min(0) @Max(100) @Schema(example = "60") Integer minCoveragePercent,
        @Min(0) @Max(100) @Schema(example = "100") Integer maxCoveragePercent,
        @NotNull @Min(5) @Max(720) @Schema(example = "210") Integer durationMinutes) {
}
