package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Instant;

/** A well-formed request a booking rule refuses: 422 with the rule's slug as problem type. */
public class BookingRuleException extends RuleViolation {

    public BookingRuleException(String slug, String message) {
        super(slug, message);
    }

    /** Adds the earliest allowed start (healing interval) for the caller to offer instead. */
    public BookingRuleException withEarliest(Instant earliestStart) {
        if (earliestStart != null) {
            with("earliestStart", earliestStart.toString());
        }
        return this;
    }
}
