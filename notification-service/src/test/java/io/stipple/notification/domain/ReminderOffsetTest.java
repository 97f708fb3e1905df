package io.stipple.notification.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderOffsetTest {

    @Test
    void days_and_exact_durations_parse() {
        assertThat(ReminderOffset.parse("P2D").days().getDays()).isEqualTo(2);
        assertThat(ReminderOffset.parse("pt2h").exact().toHours()).isEqualTo(2);
    }

    @Test
    void nonsense_zero_and_too_long_offsets_are_refused() {
        for (String bad : List.of("", "2 days", "P0D", "PT0S", "P1M", "P61D", "-PT2H", "PT1500H")) {
            assertThatThrownBy(() -> ReminderOffset.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void policy_check_names_the_broken_field() {
        PolicyRules d = Policies.defaults();
        PolicyRules bad = new PolicyRules(new PolicyRules.AppointmentReminders(true, List.of("P2D", "soon")), d.aftercare(),
                d.nextSessionPrompt(), d.topUp(), d.maintenanceTips(), d.quietHours());
        assertThatThrownBy(bad::check).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("rules.appointmentReminders.offsets[1]");
        PolicyRules duplicate = new PolicyRules(d.appointmentReminders(), d.aftercare(), d.nextSessionPrompt(),
                new PolicyRules.TopUp(true, "10:00", List.of(new PolicyRules.TopUpInterval("PERMANENT_SMP", "MALE", 36),
                        new PolicyRules.TopUpInterval("PERMANENT_SMP", "MALE", 40)), List.of(), 6),
                d.maintenanceTips(), d.quietHours());
        assertThatThrownBy(duplicate::check).isInstanceOf(RuleViolation.class);
        assertThat(d.check()).isSameAs(d);
    }
}
