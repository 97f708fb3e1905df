package io.stipple.platform.inbox;

import java.time.Duration;

/**
 * Thrown by a handler when an event cannot be applied YET because a fact it depends on travels on another topic and
 * has not arrived (a booking for a client whose ClientRegistered is still on its way). Nothing is wrong with the
 * event and nothing is broken, so it is neither dead-lettered at once nor retried forever: the inbox holds it back
 * with capped backoff (the later events of its partition wait behind it) for {@link #holdFor()}, measured from the
 * first time this event was not yet applicable, and applies it as soon as it can. If the fact has still not arrived
 * after that, the inbox gives up and rethrows {@link Expired} ("{@code <reason> after <holdFor>}"), which the channel's
 * dead-letter strategy moves to {@code stipple.dlq.<service>}; the admin replay re-applies it once the fact is there.
 *
 * <p>A replay answering an HTTP request does not hold the event: it fails at once with the reason and stays
 * dead-lettered. While held, the event is shown by {@link InboxMonitor} (kind {@code NOT_YET_APPLICABLE}) but does not
 * make the service unready before its hold (plus {@code stipple.inbox.stuck-after}) has passed.
 */
public class NotYetApplicableException extends RuntimeException {

    private final Duration holdFor;

    /**
     * @param reason  what is missing, naming it ("client X unknown in clinic Y")
     * @param holdFor how long the event may be held back waiting for it (positive)
     */
    public NotYetApplicableException(String reason, Duration holdFor) {
        super(reason);
        if (holdFor == null || holdFor.isNegative()) {
            throw new IllegalArgumentException("holdFor must be zero or positive, was " + holdFor);
        }
        this.holdFor = holdFor;
    }

    /** What is missing. */
    public String reason() {
        return getMessage();
    }

    /** How long the inbox holds the event back before it dead-letters it. */
    public Duration holdFor() {
        return holdFor;
    }

    /** The failure the inbox gives up with once the hold has passed: its message is the dead-letter reason. */
    public Expired expired() {
        return new Expired(reason() + " after " + holdFor, this);
    }

    /** An event that was still not applicable when its hold ended ("{@code <reason> after PT5M}"): deterministic. */
    public static final class Expired extends RuntimeException {
        Expired(String message, NotYetApplicableException cause) {
            super(message, cause);
        }
    }
}
