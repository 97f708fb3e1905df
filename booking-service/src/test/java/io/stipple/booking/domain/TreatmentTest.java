package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreatmentTest {

    private static Treatment smp() {
        Treatment t = new Treatment();
        t.baseDurationMinutes = 120;
        t.bufferMinutes = 30;
        t.durationRules = List.of(
                new DurationRule(List.of("4", "4A", "5", "5A", "5V"), null, null, null, 150),
                new DurationRule(List.of("6", "7"), null, null, null, 210),
                new DurationRule(null, List.of("ALOPECIA_TOTALIS"), null, null, 210),
                new DurationRule(null, List.of("DIFFUSE_THINNING"), 60, 100, 180));
        return t;
    }

    @Test
    void sessionLengthFollowsTheCoverageRules() {
        Treatment t = smp();
        assertThat(t.sessionLength(new SessionProfile("NORWOOD", "3", "ANDROGENETIC", 30))).isEqualTo(Duration.ofMinutes(120));
        assertThat(t.sessionLength(new SessionProfile("NORWOOD", "5", "ANDROGENETIC", 50))).isEqualTo(Duration.ofMinutes(150));
        assertThat(t.sessionLength(new SessionProfile("NORWOOD", "7", "ANDROGENETIC", 90))).isEqualTo(Duration.ofMinutes(210));
        assertThat(t.sessionLength(new SessionProfile("NONE", null, "ALOPECIA_TOTALIS", 100))).isEqualTo(Duration.ofMinutes(210));
        assertThat(t.sessionLength(new SessionProfile("LUDWIG", "II", "DIFFUSE_THINNING", 70))).isEqualTo(Duration.ofMinutes(180));
        assertThat(t.sessionLength(new SessionProfile("LUDWIG", "II", "DIFFUSE_THINNING", 40))).isEqualTo(Duration.ofMinutes(120));
        assertThat(t.sessionLength(SessionProfile.UNKNOWN)).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void aRuleMustBeSane() {
        assertThatThrownBy(() -> new DurationRule(null, null, 80, 20, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DurationRule(null, null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyATreatmentStillOfferedIsBookable() {
        Treatment t = smp();
        t.id = java.util.UUID.fromString("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b");
        t.active = true;
        t.checkBookable();
        t.active = false;
        PolicyFixtures.violation(t::checkBookable, 422, "treatment-inactive",
                "Treatment e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b is no longer offered");
    }
}
