package io.stipple.shapefixture.bad.domain;

import io.stipple.platform.problem.ProblemException;

/** A domain rule that answers in HTTP terms instead of throwing a RuleViolation. */
public final class GadgetLimit {

    private GadgetLimit() {
    }

    public static void check(int gadgets) {
        if (gadgets > 3) {
            throw new ProblemException("at most 3 gadgets");
        }
    }
}
