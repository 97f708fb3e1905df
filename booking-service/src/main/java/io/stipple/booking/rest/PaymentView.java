package io.stipple.booking.rest;

import io.stipple.booking.domain.PaymentStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Payment", description = "The booking's deposit, paid through the payment provider (Stipple never sees "
        + "card data)")
public record PaymentView(
        @Schema(example = "0b8e3f0c-5f1a-4c27-9a57-3d2c1b0a9f8e") UUID paymentId,
        @Schema(description = "CREATING only for the moment between the booking and the provider's answer", example = "REQUIRES_PAYMENT") PaymentStatus status,
        Money amount,
        @Schema(description = "Only while REQUIRES_PAYMENT (or FAILED, to try again): what the front end pays with (Stripe.js confirmPayment)", example = "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH", maxLength = 500) String clientSecret,
        @Schema(description = "The booking is released unless paid by then", example = "2026-11-25T09:30:00Z") Instant expiresAt,
        List<PaymentDecisionView> decisions) {
}
