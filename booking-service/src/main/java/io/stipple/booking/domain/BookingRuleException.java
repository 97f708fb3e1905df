package io.stipple.booking.domain;

import io.stipple.platform.problem.ProblemException;

import java.time.Instant;

/** A well-formed request a booking rule refuses: 422 with the rule's slug as problem type. */
public class BookingRuleException extends ProblemException {

    public BookingRuleException(String slug, String message) {
        super(422, slug, "Rule violated", message);
    }

    /** Adds the earliest allowed start (healing interval) for the caller to offer instead. */
    public BookingRuleException withEarliest(Instant earliestStart) {
        if (earliestStart != null) {
            with("earliestStart", earliestStart.toString());
        }
        return this;
    }
}
