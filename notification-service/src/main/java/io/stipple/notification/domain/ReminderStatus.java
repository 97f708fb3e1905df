package io.stipple.notification.domain;

/** Where a scheduled reminder is in its life; the delivery log shows it with the reason. */
public enum ReminderStatus {
    /** Waiting for its due time (or for the next attempt after a transient failure). */
    SCHEDULED,
    /** Claimed by a dispatcher that is sending it now. */
    SENDING,
    /** Accepted by the channel (SMTP server, SMS provider, push gateway). */
    SENT,
    /** Refused for good, or still failing after the last attempt. */
    FAILED,
    /** No longer wanted: booking cancelled or moved, client erased, top-up re-armed. */
    CANCELLED,
    /** Deliberately not sent: next session already booked, opted out, no address, too late. */
    SUPPRESSED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == CANCELLED || this == SUPPRESSED;
    }
}
