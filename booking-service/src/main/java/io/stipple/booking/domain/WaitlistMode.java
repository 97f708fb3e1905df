package io.stipple.booking.domain;

/**
 * How a clinic offers freed time to its waitlist: {@link #FIRST_IN_LINE} holds the slot for the first waiting client
 * it fits (the next one gets it when the offer runs out or is declined); {@link #OFFER_TO_ALL} offers it to every
 * waiting client it fits, without a hold, and the first to accept books it.
 */
public enum WaitlistMode {
    FIRST_IN_LINE, OFFER_TO_ALL
}
