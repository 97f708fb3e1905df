package io.stipple.booking.rest;

import io.stipple.booking.domain.PaymentAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PaymentDecision", description = "A money decision on the booking's deposit and the rule that made it")
public record PaymentDecisionView(
        @Schema(example = "2026-11-25T09:00:00Z") Instant at,
        @Schema(example = "FEE") PaymentAction action,
        @Schema(description = "Zero when nothing was paid (nothing to collect)") Money amount,
        @Schema(example = "late-cancellation-fee", maxLength = 100) String rule) {
}
