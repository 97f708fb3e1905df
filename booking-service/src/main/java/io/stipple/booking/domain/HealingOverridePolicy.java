package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

/**
 * Only an admin may shorten the healing interval (403 {@code forbidden}), and only for sessions of a treatment plan
 * (400 {@code validation-failed} on the field {@code healingOverride}).
 */
public final class HealingOverridePolicy {

    private HealingOverridePolicy() {
    }

    public static void check(boolean byAdmin, Treatment treatment) {
        if (!byAdmin) {
            throw RuleViolation.notPermitted("Only an admin may override the healing interval");
        }
        if (!treatment.kind.isPlanSession()) {
            throw RuleViolation.invalidValue("healingOverride", "applies only to sessions of a treatment plan");
        }
    }
}
