package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.stipple.booking.domain.PolicyFixtures.clinic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancellationNoticePolicyTest {

    private static final Instant START = Instant.parse("2030-01-08T10:00:00Z");
    private final Clinic clinic = clinic("Europe/London", List.of(), 48);

    private static Booking booking() {
        Booking b = new Booking();
        b.status = BookingStatus.CONFIRMED;
        b.place(START, Duration.ofHours(2), Duration.ZERO);
        return b;
    }

    @Test
    void aClientMayChangeUntilTheNotice() {
        Instant deadline = START.minus(Duration.ofHours(48));
        assertThatCode(() -> CancellationNoticePolicy.check(booking(), clinic, deadline, false, "cancel"))
                .doesNotThrowAnyException();
    }

    @Test
    void afterItTheCancellationWindowHasPassedForClients() {
        Instant late = START.minus(Duration.ofHours(48)).plusSeconds(1);
        assertThatThrownBy(() -> CancellationNoticePolicy.check(booking(), clinic, late, false, "reschedule"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.slug()).isEqualTo("cancellation-window-passed");
                    assertThat(e.getMessage()).isEqualTo("Bookings can be rescheduled online until 48 hours before the "
                            + "start; please call the clinic");
                });
    }

    @Test
    void staffAlwaysMay() {
        assertThatCode(() -> CancellationNoticePolicy.check(booking(), clinic, START.minusSeconds(60), true, "cancel"))
                .doesNotThrowAnyException();
    }
}
