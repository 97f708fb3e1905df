package io.stipple.booking.domain;

/**
 * A waitlist entry's life: WAITING (in line) → OFFERED (a first-in-line offer holds a slot for it) → BOOKED (an
 * offer accepted), or back to WAITING when the offer runs out or is declined (it keeps its place in line, and is
 * never offered that slot again); LEFT when the client (or staff) takes it off the list. BOOKED and LEFT are final.
 * Offers to all leave the entry WAITING until one is accepted.
 */
public enum WaitlistEntryStatus {
    WAITING, OFFERED, BOOKED, LEFT;

    /** Still in line: it may be offered freed time, and left. */
    public boolean isLive() {
        return this == WAITING || this == OFFERED;
    }
}
