package io.stipple.booking.domain;

/** A money decision on a booking's deposit, as shown on the booking. */
public enum PaymentAction {
    /** The deposit was asked for (the booking waits for it). */
    CHARGE_DEPOSIT,
    /** (Part of) the deposit goes back to the client. */
    REFUND,
    /** The clinic keeps the deposit. */
    FORFEIT,
    /** The clinic keeps a fee out of the deposit. */
    FEE
}
