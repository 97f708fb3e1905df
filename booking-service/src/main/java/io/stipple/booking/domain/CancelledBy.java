package io.stipple.booking.domain;

/** Who cancelled a booking (EVENTS.md BookingCancelled.cancelledBy). */
public enum CancelledBy {
    CLINIC, CLIENT, SYSTEM
}
