package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosurePolicyTest {

    private static final LocalDate CHRISTMAS = LocalDate.of(2030, 12, 25);

    @Test
    void theDayIsTheClinicsLocalDay() {
        // 23:30 UTC on the 24th is already the 25th in Auckland, still the 24th in New York
        Instant start = Instant.parse("2030-12-24T23:30:00Z");
        assertThat(ClosurePolicy.day(start, ZoneId.of("Pacific/Auckland"))).isEqualTo(CHRISTMAS);
        assertThat(ClosurePolicy.day(start, ZoneId.of("America/New_York"))).isEqualTo(CHRISTMAS.minusDays(1));
    }

    @Test
    void anOpenDayIsAllowed() {
        assertThatCode(() -> ClosurePolicy.check(CHRISTMAS.minusDays(1), Set.of(CHRISTMAS))).doesNotThrowAnyException();
    }

    @Test
    void aClosedDayIsClinicClosed() {
        assertThatThrownBy(() -> ClosurePolicy.check(CHRISTMAS, Set.of(CHRISTMAS)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.slug()).isEqualTo("clinic-closed");
                    assertThat(e.getMessage()).isEqualTo("The clinic is closed on 2030-12-25");
                });
    }
}
