package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.stipple.booking.domain.PolicyFixtures.everyDay;
import static io.stipple.booking.domain.PolicyFixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoubleBookingPolicyTest {

    private final Technician sam = technician(List.of(), everyDay("09:00", "17:00"));

    @Test
    void aFreeTechnicianMayBeBooked() {
        assertThatCode(() -> DoubleBookingPolicy.check(sam, List.of())).doesNotThrowAnyException();
    }

    @Test
    void takenTimeIsABookingConflict() {
        TimeRange taken = new TimeRange(Instant.parse("2030-01-08T10:00:00Z"), Instant.parse("2030-01-08T12:30:00Z"));
        assertThatThrownBy(() -> DoubleBookingPolicy.check(sam, List.of(taken)))
                .isExactlyInstanceOf(RuleViolation.class)
                .satisfies(t -> {
                    RuleViolation e = (RuleViolation) t;
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.slug()).isEqualTo("booking-conflict");
                    assertThat(e.getMessage()).isEqualTo("Sam Okafor is already booked at that time");
                });
    }
}
