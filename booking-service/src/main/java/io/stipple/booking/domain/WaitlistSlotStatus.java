package io.stipple.booking.domain;

/** Freed time on its way to the waitlist: PENDING (to be matched), OFFERED (offers out), CLOSED (booked or nobody fits). */
public enum WaitlistSlotStatus {
    PENDING, OFFERED, CLOSED
}
