package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stipple.booking.domain.PolicyFixtures.everyDay;
import static io.stipple.booking.domain.PolicyFixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOffPolicyTest {

    private final Technician sam = technician(List.of(), everyDay("09:00", "17:00"));

    private static TimeOff off(String reason) {
        TimeOff off = new TimeOff();
        off.reason = reason;
        return off;
    }

    @Test
    void noOverlappingTimeOffIsAllowed() {
        assertThatCode(() -> TimeOffPolicy.check(sam, List.of())).doesNotThrowAnyException();
    }

    @Test
    void overlappingTimeOffIsTechnicianUnavailableNamingTheFirstReason() {
        assertThatThrownBy(() -> TimeOffPolicy.check(sam, List.of(off("Training course"), off("Holiday"))))
                .isExactlyInstanceOf(RuleViolation.class)
                .satisfies(t -> {
                    RuleViolation e = (RuleViolation) t;
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.slug()).isEqualTo("technician-unavailable");
                    assertThat(e.getMessage()).isEqualTo("Sam Okafor is off at that time (Training course)");
                });
        assertThatThrownBy(() -> TimeOffPolicy.check(sam, List.of(off(null))))
                .hasMessage("Sam Okafor is off at that time");
    }
}
