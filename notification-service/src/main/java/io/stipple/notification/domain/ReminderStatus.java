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
    SUPPRESSED,
    /**
     * Handed to a channel that does not deduplicate (email) and nobody knows whether it arrived: the send timed out
     * or the connection broke after the message was written, or the dispatcher died mid-send. Never sent again
     * automatically (the recipient might get it twice); staff decide.
     */
    UNCERTAIN;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == CANCELLED || this == SUPPRESSED || this == UNCERTAIN;
    }
}
