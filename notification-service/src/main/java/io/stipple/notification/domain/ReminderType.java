package io.stipple.notification.domain;

/** What a reminder is about; each has its own templates per channel and locale. */
public enum ReminderType {
    /** Before an appointment, with the preparation notes. */
    APPOINTMENT_REMINDER("appointment-reminder", false),
    /** Day-0 aftercare instructions right after a session. */
    AFTERCARE_INSTRUCTIONS("aftercare-instructions", false),
    /** A check-in while the micro-wounds heal. */
    AFTERCARE_CHECK_IN("aftercare-check-in", false),
    /** The skin has healed. */
    HEALED("healed", false),
    /** Healing interval over and no next session booked yet. */
    NEXT_SESSION_PROMPT("next-session-prompt", false),
    /** Time for a top-up after the final session. */
    TOP_UP("top-up", false),
    /** A check-in instead of a top-up push where the condition is changeable (alopecia). */
    TOP_UP_CHECK_IN("top-up-check-in", false),
    /** Optional maintenance tips; needs the client's marketing consent. */
    MAINTENANCE_TIP("maintenance-tip", true),
    /** A freed slot offered to a client on the waitlist, sent at once; never after the offer expires. */
    WAITLIST_OFFER("waitlist-offer", false),
    /** A receipt for a deposit the client paid (DepositPaid), sent at once. */
    DEPOSIT_RECEIPT("deposit-receipt", false),
    /** A receipt for a deposit refunded to the client, with the reason (DepositRefunded), sent at once. */
    REFUND_RECEIPT("refund-receipt", false),
    /** A receipt for a cancellation or no-show fee charged, with the reason (FeeCharged), sent at once. */
    FEE_RECEIPT("fee-receipt", false);

    private final String templateName;
    private final boolean marketing;

    ReminderType(String templateName, boolean marketing) {
        this.templateName = templateName;
        this.marketing = marketing;
    }

    /** Folder of this type's templates under {@code templates/notifications/<locale>/}. */
    public String templateName() {
        return templateName;
    }

    /** Sent only with the client's marketing consent and while they have not turned tips off. */
    public boolean needsMarketingConsent() {
        return marketing;
    }

    public boolean isAftercare() {
        return this == AFTERCARE_INSTRUCTIONS || this == AFTERCARE_CHECK_IN || this == HEALED;
    }

    /** A payment receipt: about a payment, not a booking (so it has no preview of a booking and no appointment deadline). */
    public boolean isReceipt() {
        return this == DEPOSIT_RECEIPT || this == REFUND_RECEIPT || this == FEE_RECEIPT;
    }

    public boolean isTopUp() {
        return this == TOP_UP || this == TOP_UP_CHECK_IN;
    }
}
