package io.stipple.booking.domain;

import java.util.List;

/**
 * A catalogue rule: clients matching it get a session of {@code durationMinutes}. Empty lists and null
 * bounds match anything; a treatment's rules are tried in order and the first match wins, else the base
 * duration applies. E.g. Norwood 6–7 → 210 minutes, alopecia totalis → 210 minutes.
 */
public record DurationRule(List<String> stages, List<String> conditions, Integer minCoveragePercent,
                           Integer maxCoveragePercent, int durationMinutes) {

    public DurationRule {
        stages = stages == null ? List.of() : List.copyOf(stages);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        if (durationMinutes < 5 || durationMinutes > 720) {
            throw new IllegalArgumentException("durationMinutes must be between 5 and 720");
        }
        if (minCoveragePercent != null && maxCoveragePercent != null && minCoveragePercent > maxCoveragePercent) {
            throw new IllegalArgumentException("minCoveragePercent must not exceed maxCoveragePercent");
        }
    }

    public boolean matches(SessionProfile client) {
        if (!stages.isEmpty() && (client.stage() == null || !stages.contains(client.stage()))) {
            return false;
        }
        if (!conditions.isEmpty() && (client.condition() == null || !conditions.contains(client.condition()))) {
            return false;
        }
        if (minCoveragePercent != null && (client.coveragePercent() == null || client.coveragePercent() < minCoveragePercent)) {
            return false;
        }
        return maxCoveragePercent == null || (client.coveragePercent() != null && client.coveragePercent() <= maxCoveragePercent);
    }
}
