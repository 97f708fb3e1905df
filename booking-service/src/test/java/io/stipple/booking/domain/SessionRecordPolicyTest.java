package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionRecordPolicyTest {

    private static final LocalDate TODAY = LocalDate.parse("2030-01-08");
    private static final List<String> AREAS = List.of("HAIRLINE");
    private static final SessionRecordPolicy.PigmentLot FRESH = new SessionRecordPolicy.PigmentLot("LOT-1", TODAY);

    @Test
    void aCompleteRecordWithAPigmentNotExpiredIsAllowed() {
        assertThatCode(() -> SessionRecordPolicy.check(true, AREAS, FRESH, "3RL", 60, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void noRecordIsABadRequest() {
        assertThatThrownBy(() -> SessionRecordPolicy.check(false, null, null, null, null, TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.slug()).isEqualTo("validation-failed");
                    assertThat(e.title()).isEqualTo("Bad request");
                    assertThat(e.field()).isNull();
                });
    }

    @Test
    void eachRequiredFieldIsNamedWhenMissing() {
        assertMissing("areasTreated", () -> SessionRecordPolicy.check(true, null, FRESH, "3RL", 60, TODAY));
        assertMissing("areasTreated", () -> SessionRecordPolicy.check(true, List.of(), FRESH, "3RL", 60, TODAY));
        assertMissing("pigment", () -> SessionRecordPolicy.check(true, AREAS, null, "3RL", 60, TODAY));
        assertMissing("needleConfiguration", () -> SessionRecordPolicy.check(true, AREAS, FRESH, " ", 60, TODAY));
        assertMissing("actualDurationMinutes", () -> SessionRecordPolicy.check(true, AREAS, FRESH, "3RL", null, TODAY));
    }

    @Test
    void aPigmentExpiredBeforeTheSessionDayIsRefused() {
        SessionRecordPolicy.PigmentLot expired = new SessionRecordPolicy.PigmentLot("LOT-9", TODAY.minusDays(1));
        assertThatThrownBy(() -> SessionRecordPolicy.check(true, AREAS, expired, "3RL", 60, TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.slug()).isEqualTo("pigment-expired");
                    assertThat(e.getMessage()).contains("LOT-9");
                });
    }

    private static void assertMissing(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.slug()).isEqualTo("validation-failed");
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
