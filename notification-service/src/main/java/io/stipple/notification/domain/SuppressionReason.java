package io.stipple.notification.domain;

/** Why a reminder was cancelled or suppressed, as the delivery log shows it. */
public final class SuppressionReason {
    public static final String TOO_LATE = "TOO_LATE";
    public static final String NEXT_SESSION_BOOKED = "NEXT_SESSION_BOOKED";
    public static final String BOOKING_CANCELLED = "BOOKING_CANCELLED";
    public static final String BOOKING_NO_SHOW = "BOOKING_NO_SHOW";
    public static final String RESCHEDULED = "RESCHEDULED";
    public static final String BOOKING_MADE = "BOOKING_MADE";
    public static final String REARMED = "REARMED";
    public static final String CLIENT_ERASED = "CLIENT_ERASED";
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String NO_ADDRESS = "NO_ADDRESS";
    public static final String NO_MARKETING_CONSENT = "NO_MARKETING_CONSENT";
    public static final String NO_CONTACT = "NO_CONTACT";
    public static final String REJECTED = "REJECTED";
    public static final String ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED";
    /** UNCERTAIN: the send timed out or its connection broke after the message was handed to the channel. */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";
    /** UNCERTAIN: the dispatcher stopped (crash, kill) after handing the message to the channel; its claim expired. */
    public static final String DISPATCHER_LOST_MID_SEND = "DISPATCHER_LOST_MID_SEND";
    /** SCHEDULED: it fell due inside the recipient's quiet hours (a backlog, say) and waits for their end. */
    public static final String QUIET_HOURS = "QUIET_HOURS";
    /**
     * A waitlist offer's message that is not sent because the offer is over: CANCELLED when WaitlistOfferExpired
     * arrived first, SUPPRESSED when the dispatcher (or the event's late arrival) found it past its expiry.
     */
    public static final String OFFER_EXPIRED = "OFFER_EXPIRED";

    private SuppressionReason() {
    }
}
