package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitlistRangePolicyTest {

    private static final LocalDate TODAY = LocalDate.parse("2030-01-07");
    private static final LocalDate FROM = LocalDate.parse("2030-01-08");

    @Test
    void ninetyDaysAndATimeWindowAreAllowed() {
        assertThatCode(() -> WaitlistRangePolicy.check(FROM, FROM.plusDays(90), LocalTime.of(9, 0), LocalTime.of(9, 0), TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> WaitlistRangePolicy.check(TODAY.minusDays(3), TODAY, null, null, TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void aLongerBackwardsOrPastRangeOrABackwardsWindowIsRefusedNamingTheField() {
        assertRefused(() -> WaitlistRangePolicy.check(FROM, FROM.plusDays(91), null, null, TODAY), "to");
        assertRefused(() -> WaitlistRangePolicy.check(FROM, FROM.minusDays(1), null, null, TODAY), "to");
        assertRefused(() -> WaitlistRangePolicy.check(TODAY.minusDays(5), TODAY.minusDays(1), null, null, TODAY), "to");
        assertRefused(() -> WaitlistRangePolicy.check(FROM, FROM, LocalTime.of(15, 0), LocalTime.of(9, 0), TODAY),
                "latestTime");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable check, String field) {
        assertThatThrownBy(check).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
