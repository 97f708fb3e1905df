package io.stipple.booking.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.TreatmentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The read-only fields of what GET returns ({@code id}, {@code createdAt}, {@code updatedAt}, {@code version}) are
 * accepted and ignored, so a front end can PUT back what it read after changing a field; any other unknown field is
 * a 400.
 */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"})
@Schema(name = "TreatmentRequest")
public record TreatmentRequest(
        @NotNull @Schema(example = "SMP_SESSION") BookingKind kind,
        @Schema(description = "Required for sessions and top-ups; must match a session kind", example = "PERMANENT_SMP") TreatmentType treatmentType,
        @NotBlank @Size(max = 200) @Schema(example = "SMP session") String name,
        @NotNull @Min(5) @Max(720) @Schema(example = "120") Integer baseDurationMinutes,
        @NotNull @Min(0) @Max(240) @Schema(description = "Clean-up after the session, when technician and room stay taken", example = "30") Integer bufferMinutes,
        @Valid @NotNull Money price,
        @Min(1) @Max(365) @Schema(description = "Healing interval between sessions of this treatment; never below the service minimum (7)", example = "10") Integer healingIntervalDays,
        @Size(max = 50) List<@Valid @NotNull DurationRuleModel> durationRules,
        @Schema(description = "Defaults to true", example = "true") Boolean active,
        @Valid @Schema(description = "This treatment's own deposit policy (FIXED in the treatment's currency); omitted: the clinic's") DepositPolicyModel depositPolicy) {
}
