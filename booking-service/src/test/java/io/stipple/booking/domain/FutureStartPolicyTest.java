package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class FutureStartPolicyTest {

    private static final Instant NOW = Instant.parse("2030-01-08T10:00:00Z");

    @Test
    void aStartAfterNowIsAllowed() {
        assertThatCode(() -> FutureStartPolicy.check(NOW.plusSeconds(1), NOW)).doesNotThrowAnyException();
    }

    @Test
    void nowAndEarlierAreBookingInPast() {
        for (Instant start : new Instant[]{NOW, NOW.minusSeconds(60)}) {
            assertThatThrownBy(() -> FutureStartPolicy.check(start, NOW))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.slug()).isEqualTo("booking-in-past");
                    });
        }
    }
}
