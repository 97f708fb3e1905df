package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

/**
 * A treatment (a plan session or a top-up; not a consultation) needs the client's medical screening
 * {@value #ELIGIBLE}: the client's latest screening, else the one the plan was agreed on. Else 422
 * {@code client-not-eligible}.
 */
public final class ScreeningPolicy {

    public static final String ELIGIBLE = "ELIGIBLE";

    private ScreeningPolicy() {
    }

    /**
     * @param client the client's projection, or null
     * @param plan   the plan being booked, or null
     */
    public static void check(Treatment treatment, ClientProjection client, PlanProjection plan) {
        if (!treatment.kind.needsEligibleScreening()) {
            return;
        }
        String eligibility = client != null && client.eligibility != null ? client.eligibility
                : plan != null ? plan.eligibility : null;
        if (!ELIGIBLE.equals(eligibility)) {
            throw new RuleViolation("client-not-eligible", "The client's medical screening is "
                    + (eligibility == null ? "missing" : eligibility) + "; a treatment needs ELIGIBLE");
        }
    }
}
