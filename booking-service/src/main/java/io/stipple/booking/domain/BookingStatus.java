package io.stipple.booking.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The booking state machine.
 *
 * <pre>
 * HELD ------confirm-----> CONFIRMED   (the same booking: a slot hold turned into the booking)
 * HELD ------release-----> RELEASED
 * HELD ------expire------> EXPIRED     (its hold time passed)
 * HELD ------await payment--> PENDING_PAYMENT (confirmed, but the booking needs a deposit)
 * PENDING_PAYMENT --paid---> CONFIRMED   (the provider confirmed the deposit)
 * PENDING_PAYMENT --expire-> EXPIRED     (not paid within the clinic's paymentMinutes)
 * PENDING_PAYMENT --cancel-> CANCELLED
 * PENDING_PAYMENT --release> RELEASED    (the provider could not start the payment)
 * CONFIRMED --reschedule--> CONFIRMED
 * CONFIRMED --check in----> CHECKED_IN --complete--> COMPLETED
 * CONFIRMED --cancel------> CANCELLED
 * CONFIRMED --no-show-----> NO_SHOW
 * CHECKED_IN --cancel-----> CANCELLED   (e.g. the client leaves before treatment)
 * </pre>
 * COMPLETED, CANCELLED, NO_SHOW, RELEASED and EXPIRED are final. A HELD booking whose hold time has passed takes
 * no time any more even before it is marked EXPIRED (see {@link #RESERVING}); so does a PENDING_PAYMENT booking
 * whose payment time has passed. A new booking that needs a deposit starts in PENDING_PAYMENT.
 */
public enum BookingStatus {
    HELD, PENDING_PAYMENT, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW, RELEASED, EXPIRED;

    private static final Map<BookingStatus, Map<BookingAction, BookingStatus>> TRANSITIONS = Map.of(
            HELD, Map.of(
                    BookingAction.CONFIRM, CONFIRMED,
                    BookingAction.RELEASE, RELEASED,
                    BookingAction.EXPIRE, EXPIRED,
                    BookingAction.AWAIT_PAYMENT, PENDING_PAYMENT),
            PENDING_PAYMENT, Map.of(
                    BookingAction.CONFIRM_PAYMENT, CONFIRMED,
                    BookingAction.EXPIRE, EXPIRED,
                    BookingAction.CANCEL, CANCELLED,
                    BookingAction.RELEASE, RELEASED),
            CONFIRMED, Map.of(
                    BookingAction.RESCHEDULE, CONFIRMED,
                    BookingAction.CHECK_IN, CHECKED_IN,
                    BookingAction.CANCEL, CANCELLED,
                    BookingAction.MARK_NO_SHOW, NO_SHOW),
            CHECKED_IN, Map.of(
                    BookingAction.COMPLETE, COMPLETED,
                    BookingAction.CANCEL, CANCELLED),
            COMPLETED, Map.of(),
            CANCELLED, Map.of(),
            NO_SHOW, Map.of(),
            RELEASED, Map.of(),
            EXPIRED, Map.of());

    /** States of a booking that took place or will: they hold the technician's and room's time for good. */
    public static final Set<BookingStatus> OCCUPYING = EnumSet.of(CONFIRMED, CHECKED_IN, COMPLETED);

    /**
     * States that take the technician's and room's time and a plan's session number: the occupying ones, a live
     * hold and a booking waiting for its deposit. The database's exclusion constraints and the plan-session index use this set; a hold whose time has
     * passed is marked EXPIRED in the same transaction before anything is written over it.
     */
    public static final Set<BookingStatus> RESERVING = EnumSet.of(HELD, PENDING_PAYMENT, CONFIRMED, CHECKED_IN, COMPLETED);

    /** States whose time is taken only until {@code holdExpiresAt}: a slot hold, a booking waiting for its deposit. */
    public static final Set<BookingStatus> HOLDING = EnumSet.of(HELD, PENDING_PAYMENT);

    /** The state after {@code action}; an action this state does not allow is an {@link IllegalTransitionException}. */
    public BookingStatus after(BookingAction action) {
        BookingStatus next = TRANSITIONS.get(this).get(action);
        if (next == null) {
            throw new IllegalTransitionException(this, action);
        }
        return next;
    }

    public boolean allows(BookingAction action) {
        return TRANSITIONS.get(this).containsKey(action);
    }

    public boolean occupiesTime() {
        return OCCUPYING.contains(this);
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
