package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.stipple.booking.domain.PolicyFixtures.clinic;
import static io.stipple.booking.domain.PolicyFixtures.everyDay;
import static io.stipple.booking.domain.PolicyFixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursPolicyTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    // open 09:00–18:00 London time; the technician works 12:00–20:00: sessions fit 12:00–18:00
    private final Clinic clinic = clinic("Europe/London", everyDay("09:00", "18:00"), 24);
    private final Technician sam = technician(List.of(), everyDay("12:00", "20:00"));

    @Test
    void aSessionWithinBothWeeksIsAllowed() {
        // 2030-07-01 12:00 BST = 11:00 UTC, ends 14:00 BST
        assertThatCode(() -> OpeningHoursPolicy.check(Instant.parse("2030-07-01T11:00:00Z"), TWO_HOURS, clinic, sam))
                .doesNotThrowAnyException();
    }

    @Test
    void outsideEitherWeekIsOutsideOpeningHours() {
        // 10:00 BST: the clinic is open, the technician not yet; 17:00 BST: ends after the clinic closes
        for (Instant start : List.of(Instant.parse("2030-07-01T09:00:00Z"), Instant.parse("2030-07-01T16:00:00Z"))) {
            assertThatThrownBy(() -> OpeningHoursPolicy.check(start, TWO_HOURS, clinic, sam))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.slug()).isEqualTo("outside-opening-hours");
                    });
        }
    }
}
