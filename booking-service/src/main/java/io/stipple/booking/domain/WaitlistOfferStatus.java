package io.stipple.booking.domain;

/**
 * An offer's life: OPEN until it is ACCEPTED (booked), DECLINED (by the client or staff, or the entry left),
 * EXPIRED (nobody answered in the clinic's offer time) or TAKEN (offered to all: somebody else accepted first).
 */
public enum WaitlistOfferStatus {
    OPEN, ACCEPTED, DECLINED, EXPIRED, TAKEN
}
