package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import static io.stipple.booking.domain.PolicyFixtures.treatment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealingOverridePolicyTest {

    @Test
    void anAdminMayOverrideAPlanSession() {
        assertThatCode(() -> HealingOverridePolicy.check(true, treatment(BookingKind.SMP_SESSION))).doesNotThrowAnyException();
    }

    @Test
    void anyoneElseIsForbidden() {
        assertThatThrownBy(() -> HealingOverridePolicy.check(false, treatment(BookingKind.SMP_SESSION)))
                .isExactlyInstanceOf(RuleViolation.class)
                .satisfies(t -> {
                    RuleViolation e = (RuleViolation) t;
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.slug()).isEqualTo("forbidden");
                });
    }

    @Test
    void outsideAPlanSessionTheFieldIsInvalid() {
        for (BookingKind kind : new BookingKind[]{BookingKind.CONSULTATION, BookingKind.TOP_UP}) {
            assertThatThrownBy(() -> HealingOverridePolicy.check(true, treatment(kind)))
                    .isExactlyInstanceOf(RuleViolation.class)
                    .satisfies(t -> {
                        RuleViolation e = (RuleViolation) t;
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.slug()).isEqualTo("validation-failed");
                        assertThat(e.field()).isEqualTo("healingOverride");
                    });
        }
    }
}
