package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

/** An action the booking's current state does not allow: 409 {@code illegal-transition}. */
public class IllegalTransitionException extends RuleViolation {

    public IllegalTransitionException(BookingStatus from, BookingAction action) {
        super(Kind.CONFLICT, "illegal-transition", "Illegal transition",
                "A " + from + " booking cannot " + action.name().toLowerCase().replace('_', ' '));
        with("status", from.name());
        with("action", action.name());
    }
}
