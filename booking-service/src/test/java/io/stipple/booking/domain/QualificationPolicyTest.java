package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stipple.booking.domain.PolicyFixtures.everyDay;
import static io.stipple.booking.domain.PolicyFixtures.technician;
import static io.stipple.booking.domain.PolicyFixtures.treatment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualificationPolicyTest {

    private final Treatment smp = treatment(BookingKind.SMP_SESSION);

    @Test
    void anActiveTechnicianPerformingTheTreatmentIsQualified() {
        Technician sam = technician(List.of(smp.id), everyDay("09:00", "17:00"));
        assertThatCode(() -> QualificationPolicy.check(sam, smp)).doesNotThrowAnyException();
    }

    @Test
    void anotherTreatmentOrAnInactiveTechnicianIsNot() {
        Technician other = technician(List.of(), everyDay("09:00", "17:00"));
        Technician inactive = technician(List.of(smp.id), everyDay("09:00", "17:00"));
        inactive.active = false;
        for (Technician t : List.of(other, inactive)) {
            assertThatThrownBy(() -> QualificationPolicy.check(t, smp))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.slug()).isEqualTo("technician-not-qualified");
                        assertThat(e.getMessage()).isEqualTo("Sam Okafor does not perform SMP session");
                    });
        }
    }
}
