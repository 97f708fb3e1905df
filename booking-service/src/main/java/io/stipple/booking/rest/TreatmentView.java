package io.stipple.booking.rest;

import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.TreatmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Treatment")
public record TreatmentView(
        @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID id,
        @Schema(example = "SMP_SESSION") BookingKind kind,
        @Schema(example = "PERMANENT_SMP") TreatmentType treatmentType,
        @Schema(example = "SMP session", maxLength = 200) String name,
        @Schema(example = "120") int baseDurationMinutes,
        @Schema(example = "30") int bufferMinutes,
        Money price,
        @Schema(example = "10") Integer healingIntervalDays,
        @Schema(maxItems = 50) List<DurationRuleModel> durationRules,
        @Schema(example = "true") boolean active,
        @Schema(description = "This treatment's own deposit policy; null: the clinic's") DepositPolicyModel depositPolicy,
        @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
        @Schema(example = "0") long version) {
}
