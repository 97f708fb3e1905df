package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealingIntervalPolicyTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Instant EARLIEST = Instant.parse("2030-01-15T10:00:00Z");
    private static final Instant LATEST_END = Instant.parse("2030-01-29T12:00:00Z");
    private static final HealingInterval SEVEN_DAYS = new HealingInterval(7, false);

    @Test
    void withoutNeighboursAnyStartIsAllowed() {
        assertThat(HealingIntervalPolicy.allows(Instant.parse("2030-01-01T10:00:00Z"), TWO_HOURS, null, null)).isTrue();
        assertThatCode(() -> HealingIntervalPolicy.check(Instant.parse("2030-01-01T10:00:00Z"), TWO_HOURS, null, null,
                null, null)).doesNotThrowAnyException();
    }

    @Test
    void betweenTheBoundsInclusiveIsAllowed() {
        assertThat(HealingIntervalPolicy.allows(EARLIEST, TWO_HOURS, EARLIEST, LATEST_END)).isTrue();
        assertThat(HealingIntervalPolicy.allows(LATEST_END.minus(TWO_HOURS), TWO_HOURS, EARLIEST, LATEST_END)).isTrue();
    }

    @Test
    void tooEarlyOrEndingTooLateIsHealingIntervalWithTheEarliestStart() {
        for (Instant start : new Instant[]{EARLIEST.minusSeconds(1), LATEST_END.minus(TWO_HOURS).plusSeconds(1)}) {
            assertThat(HealingIntervalPolicy.allows(start, TWO_HOURS, EARLIEST, LATEST_END)).isFalse();
            assertThatThrownBy(() -> HealingIntervalPolicy.check(start, TWO_HOURS, 2, SEVEN_DAYS, EARLIEST, LATEST_END))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.slug()).isEqualTo("healing-interval");
                        assertThat(e.getMessage())
                                .isEqualTo("Session 2 must keep the healing interval of 7 days to the neighbouring sessions");
                        assertThat(e.extensions()).containsEntry("earliestStart", "2030-01-15T10:00:00Z");
                    });
        }
    }
}
