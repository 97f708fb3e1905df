package io.stipple.booking.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The booking state machine.
 *
 * <pre>
 * CONFIRMED --reschedule--> CONFIRMED
 * CONFIRMED --check in----> CHECKED_IN --complete--> COMPLETED
 * CONFIRMED --cancel------> CANCELLED
 * CONFIRMED --no-show-----> NO_SHOW
 * CHECKED_IN --cancel-----> CANCELLED   (e.g. the client leaves before treatment)
 * </pre>
 * COMPLETED, CANCELLED and NO_SHOW are final.
 */
public enum BookingStatus {
    CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

    private static final Map<BookingStatus, Map<BookingAction, BookingStatus>> TRANSITIONS = Map.of(
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
            NO_SHOW, Map.of());

    /** States that hold the technician's and room's time (the database's exclusion constraints use the same set). */
    public static final Set<BookingStatus> OCCUPYING = EnumSet.of(CONFIRMED, CHECKED_IN, COMPLETED);

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
