package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.List;

/**
 * A new session of a plan takes the plan's lowest free session number (a cancelled or missed session frees its
 * number), and a plan has no more sessions than it planned: 422 {@code plan-sessions-exhausted} (a top-up is its own
 * treatment).
 */
public final class PlannedSessionsPolicy {

    private PlannedSessionsPolicy() {
    }

    /**
     * @param live the plan's live sessions (confirmed, checked in or completed), ordered by session number
     * @return the new session's number
     */
    public static int nextNumber(PlanProjection plan, List<Booking> live) {
        int number = 1;
        for (Booking b : live) {
            if (b.sessionNumber == number) number++;
            else if (b.sessionNumber > number) break;
        }
        if (number > plan.plannedSessions) {
            throw new RuleViolation("plan-sessions-exhausted", "All " + plan.plannedSessions
                    + " planned sessions of plan " + plan.planId + " are booked or done; a top-up is its own treatment");
        }
        return number;
    }
}
