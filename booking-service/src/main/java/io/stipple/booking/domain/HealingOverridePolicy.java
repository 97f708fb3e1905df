package io.stipple.booking.domain;

import io.stipple.platform.problem.ProblemException;

/**
 * Only an admin may shorten the healing interval (403 {@code forbidden}), and only for sessions of a treatment plan
 * (400 {@code validation-failed} on the field {@code healingOverride}).
 */
public final class HealingOverridePolicy {

    private HealingOverridePolicy() {
    }

    public static void check(boolean byAdmin, Treatment treatment) {
        if (!byAdmin) {
            throw ProblemException.forbidden("Only an admin may override the healing interval");
        }
        if (!treatment.kind.isPlanSession()) {
            throw ProblemException.invalidField("healingOverride", "applies only to sessions of a treatment plan");
        }
    }
}
