package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

/** The technician must perform the treatment: 422 {@code technician-not-qualified}. */
public final class QualificationPolicy {

    private QualificationPolicy() {
    }

    public static void check(Technician technician, Treatment treatment) {
        if (!technician.performs(treatment.id)) {
            throw new RuleViolation("technician-not-qualified", technician.displayName + " does not perform " + treatment.name);
        }
    }
}
