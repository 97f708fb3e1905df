package io.stipple.booking.domain;

/**
 * A deposit's state; it only moves forward (a provider event that would move it back is ignored).
 *
 * <pre>
 * CREATING --intent created--> REQUIRES_PAYMENT --paid--> PAID --refund all--> REFUNDED
 * CREATING --provider down---> CANCELLED                       --refund part-> PARTIALLY_REFUNDED
 * REQUIRES_PAYMENT --failed--> FAILED (the client may try again: --paid--> PAID)
 * REQUIRES_PAYMENT | FAILED --booking cancelled or expired--> CANCELLED (the intent is cancelled)
 * CANCELLED --paid after all (the booking expired)--> REFUNDED (refunded in full)
 * PAID --kept by policy--> FORFEITED
 * </pre>
 * CREATING is the moment between the booking's commit and the provider's answer.
 */
public enum PaymentStatus {
    CREATING, REQUIRES_PAYMENT, FAILED, PAID, PARTIALLY_REFUNDED, REFUNDED, FORFEITED, CANCELLED;

    /** Waiting for the client's payment: the booking holds its time in PENDING_PAYMENT. */
    public boolean isOpen() {
        return this == CREATING || this == REQUIRES_PAYMENT || this == FAILED;
    }
}
