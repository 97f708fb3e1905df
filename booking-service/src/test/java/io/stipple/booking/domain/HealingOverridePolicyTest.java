package io.stipple.booking.domain;

import io.stipple.platform.problem.ProblemException;
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
                .isExactlyInstanceOf(ProblemException.class)
                .satisfies(t -> {
                    ProblemException e = (ProblemException) t;
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.slug()).isEqualTo("forbidden");
                });
    }

    @Test
    void outsideAPlanSessionTheFieldIsInvalid() {
        for (BookingKind kind : new BookingKind[]{BookingKind.CONSULTATION, BookingKind.TOP_UP}) {
            assertThatThrownBy(() -> HealingOverridePolicy.check(true, treatment(kind)))
                    .isExactlyInstanceOf(ProblemException.class)
                    .satisfies(t -> {
                        ProblemException e = (ProblemException) t;
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.slug()).isEqualTo("validation-failed");
                        assertThat(e.violations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("healingOverride"));
                    });
        }
    }
}
