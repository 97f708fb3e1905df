package io.stipple.notification.domain;

import java.util.List;

/** The default policy as migration V1 seeds it, for unit tests. */
final class Policies {

    private Policies() {
    }

    static PolicyRules defaults() {
        return new PolicyRules(
                new PolicyRules.AppointmentReminders(true, List.of("P2D", "PT2H")),
                new PolicyRules.Aftercare(true, "10:00", List.of(
                        new PolicyRules.AftercareStep(0, ReminderType.AFTERCARE_INSTRUCTIONS, true),
                        new PolicyRules.AftercareStep(3, ReminderType.AFTERCARE_CHECK_IN, false),
                        new PolicyRules.AftercareStep(7, ReminderType.HEALED, false))),
                new PolicyRules.NextSessionPrompt(true, "10:00"),
                new PolicyRules.TopUp(true, "10:00", List.of(
                        new PolicyRules.TopUpInterval("PERMANENT_SMP", "MALE", 36),
                        new PolicyRules.TopUpInterval("PERMANENT_SMP", "FEMALE", 48),
                        new PolicyRules.TopUpInterval("PERMANENT_SMP", null, 36),
                        new PolicyRules.TopUpInterval("TRICOPIGMENTATION", null, 12),
                        new PolicyRules.TopUpInterval("SCAR_CAMOUFLAGE", null, 24)),
                        List.of("ALOPECIA_AREATA", "ALOPECIA_TOTALIS", "ALOPECIA_UNIVERSALIS"), 6),
                new PolicyRules.MaintenanceTips(false, 3, 6, 4, "10:00"),
                new PolicyRules.QuietHoursRule(true, "21:00", "08:00", List.of(Channel.SMS, Channel.PUSH)));
    }
}
