package io.stipple.notification.rest;

import io.stipple.notification.service.PolicyService;

/** A clinic's effective reminder policy to its API shape (the rules document is the domain's {@code PolicyRules}). */
public final class ReminderPolicyMapper {

    private ReminderPolicyMapper() {
    }

    public static ReminderPolicyView toView(PolicyService.EffectivePolicy p) {
        return new ReminderPolicyView(p.clinicId(), p.inherited(), p.version(), p.updatedAt(), p.updatedBy(), p.rules());
    }
}
