package io.stipple.booking.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The healing rule of a session series: session N may start no earlier than {@code days} calendar days
 * (in the clinic's zone, so a daylight-saving change does not move it by an hour) after session N−1 ended.
 */
public record HealingInterval(int days, boolean overridden) {

    /**
     * The interval a plan session must keep: the longest of the plan's, the treatment's and the clinic-wide
     * minimum, unless an admin override names a shorter one.
     */
    public static HealingInterval effective(Integer planDays, Integer treatmentDays, int defaultDays, int minimumDays,
                                            Integer overrideDays) {
        return effective(planDays, false, treatmentDays, defaultDays, minimumDays, overrideDays);
    }

    /**
     * As {@link #effective(Integer, Integer, int, int, Integer)}, for a plan whose interval client-service agreed
     * with an admin override ({@code planOverridden}: below the minimum, with a reason). client-service owns the
     * plan's interval: an agreed override holds for every booking of the plan, never raised back to the minimum or
     * the treatment's interval, so the clinic does not override it again for each session. A booking's own override
     * still wins over it.
     */
    public static HealingInterval effective(Integer planDays, boolean planOverridden, Integer treatmentDays,
                                            int defaultDays, int minimumDays, Integer overrideDays) {
        if (overrideDays != null) {
            return new HealingInterval(overrideDays, true);
        }
        if (planOverridden && planDays != null && planDays > 0) {
            return new HealingInterval(planDays, true);
        }
        int days = planDays != null ? planDays : treatmentDays != null ? treatmentDays : defaultDays;
        if (treatmentDays != null) days = Math.max(days, treatmentDays);
        return new HealingInterval(Math.max(days, minimumDays), false);
    }

    /** The earliest start of the next session after a session that ended (or is due to end) at {@code previousEnd}. */
    public Instant earliestNextStart(Instant previousEnd, ZoneId zone) {
        return previousEnd.atZone(zone).plusDays(days).toInstant();
    }

    /** True when a session starting at {@code nextStart} keeps the interval after one ending at {@code previousEnd}. */
    public boolean allows(Instant previousEnd, Instant nextStart, ZoneId zone) {
        return !nextStart.isBefore(earliestNextStart(previousEnd, zone));
    }
}
