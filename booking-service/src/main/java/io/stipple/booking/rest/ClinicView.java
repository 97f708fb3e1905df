package io.stipple.booking.rest;

import io.stipple.booking.domain.WaitlistMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Clinic")
public record ClinicView(
        @Schema(example = "6f1c1f7e-3a52-4c3e-9a59-0c8c1f0d2b11") UUID id,
        @Schema(example = "Stipple London", maxLength = 200) String name,
        Address address,
        @Schema(example = "Europe/London", maxLength = 64) String timeZone,
        @Schema(example = "GBP", maxLength = 3) String currency,
        @Schema(maxItems = 50) List<Hours> openingHours,
        @Schema(example = "48") int cancellationNoticeHours,
        @Schema(description = "How long a slot hold lasts, in minutes", example = "5") int holdMinutes,
        @Schema(description = "How freed time is offered to the waitlist", example = "FIRST_IN_LINE") WaitlistMode waitlistMode,
        @Schema(description = "How long a waitlist offer stands, in minutes", example = "60") int waitlistOfferMinutes,
        @Schema(description = "The deposit a booking needs") DepositPolicyModel depositPolicy,
        @Schema(description = "How long a booking waiting for its deposit keeps its time, in minutes", example = "30") int paymentMinutes,
        @Schema(description = "What a late cancellation or a no-show costs out of a paid deposit") CancellationFeesModel cancellationFees,
        @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
        @Schema(example = "2026-11-25T09:00:00Z") Instant updatedAt,
        @Schema(example = "0") long version) {
}
