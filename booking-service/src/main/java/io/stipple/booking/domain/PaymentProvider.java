package io.stipple.booking.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * The payment provider (the port; the Stripe adapter implements it). It holds the card: Stipple sends amounts and
 * ids and gets back the intent's id and the client secret the client's browser pays with. Every call carries an
 * idempotency key, so a retry or a rerun never charges or refunds twice. A call that cannot be answered now throws
 * {@link Unavailable}.
 */
public interface PaymentProvider {

    /** A payment intent to create: the deposit and the ids it is filed under (the provider's metadata). */
    record IntentRequest(UUID clinicId, UUID bookingId, UUID paymentId, Amount amount, String description) {
    }

    /** A payment intent as the provider has it ({@code status} in the provider's words). */
    record Intent(String id, String clientSecret, String status) {
    }

    /** A refund as the provider has it. */
    record Refund(String id, String status) {
    }

    /**
     * A verified provider event about a payment intent (or its charge): its id (recorded, so a replay changes nothing),
     * type, the intent and the clinic/payment ids the intent carries in its metadata (empty when it carries none).
     */
    record Event(String id, String type, String intentId, Optional<UUID> clinicId, Optional<UUID> paymentId) {
    }

    /** Is a provider configured (an API key set)? Without one, no policy may ask for deposits. */
    boolean configured();

    Intent createIntent(IntentRequest request, String idempotencyKey);

    void cancelIntent(String intentId, String idempotencyKey);

    Refund refund(String intentId, Amount amount, String idempotencyKey);

    Intent retrieve(String intentId);

    /**
     * Verifies a webhook delivery's signature over its raw body and reads it; a missing, wrong or stale signature is
     * an {@link InvalidSignature}.
     */
    Event verify(String payload, String signature);

    /** The provider cannot answer now (down, timed out, refused the call): nothing was done that must be undone. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider refused the call for a reason a retry cannot mend (an invalid request, an intent already final). */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A webhook delivery whose signature does not verify. */
    class InvalidSignature extends RuntimeException {
        public InvalidSignature(String message) {
            super(message);
        }
    }
}
