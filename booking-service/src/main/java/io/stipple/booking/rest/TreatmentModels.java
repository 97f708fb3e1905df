package io.stipple.booking.rest;

import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.TreatmentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** API records of the treatment catalogue. */
public final class TreatmentModels {

    private TreatmentModels() {
    }

    @Schema(name = "Money", description = "An amount in minor units (pence, cents) of an ISO 4217 currency")
    public record Money(
            @NotNull @Min(0) @Schema(example = "45000") Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "GBP") String currency) {
    }

    @Schema(name = "DurationRule", description = "Clients matching every given criterion get a session of durationMinutes; "
            + "empty criteria match anyone. Rules are tried in order; the first match wins, else the base duration.")
    public record DurationRuleModel(
            @Size(max = 20) @Schema(description = "Hair-loss stages (Norwood 1–7, Ludwig I–III)", example = "[\"6\", \"7\"]") List<@NotBlank String> stages,
            @Size(max = 20) @Schema(description = "Conditions", example = "[\"ALOPECIA_TOTALIS\"]") List<@NotBlank String> conditions,
            @Min(0) @Max(100) @Schema(example = "60") Integer minCoveragePercent,
            @Min(0) @Max(100) @Schema(example = "100") Integer maxCoveragePercent,
            @NotNull @Min(5) @Max(720) @Schema(example = "210") Integer durationMinutes) {
    }

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
            @Schema(description = "Defaults to true", example = "true") Boolean active) {
    }

    @Schema(name = "Treatment")
    public record TreatmentView(
            @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID id,
            @Schema(example = "SMP_SESSION") BookingKind kind,
            @Schema(example = "PERMANENT_SMP") TreatmentType treatmentType,
            @Schema(example = "SMP session") String name,
            @Schema(example = "120") int baseDurationMinutes,
            @Schema(example = "30") int bufferMinutes,
            Money price,
            @Schema(example = "10") Integer healingIntervalDays,
            List<DurationRuleModel> durationRules,
            @Schema(example = "true") boolean active,
            @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
            @Schema(example = "0") long version) {
    }
}
