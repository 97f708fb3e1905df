package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * A plan session keeps the healing interval to its neighbours: it starts no earlier than {@code earliestStart}
 * (the interval after the previous session) and ends no later than {@code latestEnd} (the interval before the next
 * one); null bounds do not limit. Else 422 {@code healing-interval} with {@code earliestStart} and
 * {@code latestStart} (where there is such a neighbour).
 */
public final class HealingIntervalPolicy {

    private HealingIntervalPolicy() {
    }

    public static boolean allows(Instant start, Duration session, Instant earliestStart, Instant latestEnd) {
        return (earliestStart == null || !start.isBefore(earliestStart))
                && (latestEnd == null || !start.plus(session).isAfter(latestEnd));
    }

    public static void check(Instant start, Duration session, Integer sessionNumber, HealingInterval interval,
                             Instant earliestStart, Instant latestEnd) {
        if (!allows(start, session, earliestStart, latestEnd)) {
            RuleViolation violation = new RuleViolation("healing-interval", "Session " + sessionNumber
                    + " must keep the healing interval of " + interval.days() + " days to the neighbouring sessions");
            // the allowed bounds, for the caller to offer instead: the earliest start after the previous session and
            // the latest start before the next one
            if (earliestStart != null) {
                violation.with("earliestStart", earliestStart.toString());
            }
            if (latestEnd != null) {
                violation.with("latestStart", latestEnd.minus(session).toString());
            }
            throw violation;
        }
    }
}
