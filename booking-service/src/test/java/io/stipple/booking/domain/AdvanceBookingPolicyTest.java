package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvanceBookingPolicyTest {

    private static final Instant NOW = Instant.parse("2030-01-08T10:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void upToTheMaximumAdvanceIsAllowed() {
        assertThatCode(() -> AdvanceBookingPolicy.check(NOW.plus(YEAR), NOW, YEAR)).doesNotThrowAnyException();
    }

    @Test
    void beyondItIsTooFarAhead() {
        assertThatThrownBy(() -> AdvanceBookingPolicy.check(NOW.plus(YEAR).plusSeconds(1), NOW, YEAR))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.slug()).isEqualTo("booking-too-far-ahead");
                    assertThat(e.getMessage()).isEqualTo("Bookings open 365 days ahead");
                });
    }
}
