package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepositPolicyTest {

    static final Amount PRICE = Amount.of(45000, "GBP");

    static DepositPolicy fixed(long minor, DepositPolicy.AppliesTo to) {
        return DepositPolicy.of("depositPolicy", DepositPolicy.Kind.FIXED, Amount.of(minor, "GBP"), null, to, null, null);
    }

    @Test
    void noneAsksNothing() {
        assertThat(DepositPolicy.NONE.depositFor(PRICE, true, 10)).isEmpty();
        assertThat(DepositPolicy.effective(null, null)).isEqualTo(DepositPolicy.NONE);
    }

    @Test
    void fixedAsksItsAmountOfEveryone() {
        assertThat(fixed(5000, null).depositFor(PRICE, false, 0)).contains(Amount.of(5000, "GBP"));
    }

    @Test
    void percentOfThePriceRoundsHalfUp() {
        DepositPolicy p = DepositPolicy.of("d", DepositPolicy.Kind.PERCENT, null, 15, null, null, null);
        assertThat(p.depositFor(Amount.of(999, "GBP"), false, 0)).contains(Amount.of(150, "GBP")); // 149.85
        assertThat(p.depositFor(Amount.of(3, "GBP"), false, 0)).isEmpty(); // rounds to nothing: no deposit
    }

    @Test
    void selfServiceAsksOnlyBookingsNotMadeByStaff() {
        DepositPolicy p = fixed(5000, DepositPolicy.AppliesTo.SELF_SERVICE);
        assertThat(p.depositFor(PRICE, true, 0)).isPresent();
        assertThat(p.depositFor(PRICE, false, 0)).isEmpty();
    }

    @Test
    void noShowHistoryAsksClientsWithEnoughNoShowsInTheWindow() {
        DepositPolicy p = DepositPolicy.of("d", DepositPolicy.Kind.FIXED, Amount.of(5000, "GBP"), null,
                DepositPolicy.AppliesTo.NO_SHOW_HISTORY, 2, 12);
        assertThat(p.depositFor(PRICE, false, 2)).isPresent();
        assertThat(p.depositFor(PRICE, false, 1)).isEmpty();
        Instant now = Instant.parse("2030-03-31T12:00:00Z");
        assertThat(p.noShowsSince(now, ZoneId.of("Europe/London"))).contains(Instant.parse("2029-03-31T12:00:00Z"));
        assertThat(fixed(5000, null).noShowsSince(now, ZoneId.of("Europe/London"))).isEmpty();
    }

    @Test
    void aTreatmentsOwnPolicyWinsOverTheClinics() {
        DepositPolicy own = fixed(1000, null);
        assertThat(DepositPolicy.effective(own, fixed(5000, null))).isSameAs(own);
        assertThat(DepositPolicy.effective(null, own)).isSameAs(own);
    }

    @Test
    void aPolicyThatDoesNotHoldTogetherIsRefusedNamingTheMember() {
        assertThatThrownBy(() -> DepositPolicy.of("depositPolicy", DepositPolicy.Kind.FIXED, null, null, null, null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("depositPolicy.amount");
        assertThatThrownBy(() -> DepositPolicy.of("depositPolicy", DepositPolicy.Kind.PERCENT, null, 101, null, null, null))
                .hasMessageContaining("depositPolicy.percent");
        assertThatThrownBy(() -> DepositPolicy.of("d", DepositPolicy.Kind.FIXED, Amount.of(1, "GBP"), null,
                DepositPolicy.AppliesTo.NO_SHOW_HISTORY, 0, 12)).hasMessageContaining("d.noShowCount");
        assertThatThrownBy(() -> DepositPolicy.of("d", DepositPolicy.Kind.FIXED, Amount.of(1, "GBP"), null,
                DepositPolicy.AppliesTo.NO_SHOW_HISTORY, 2, 37)).hasMessageContaining("d.noShowMonths");
        assertThatThrownBy(() -> DepositPolicy.of("d", DepositPolicy.Kind.FIXED, Amount.of(1, "GBP"), null,
                DepositPolicy.AppliesTo.EVERYONE, 2, null)).hasMessageContaining("NO_SHOW_HISTORY");
    }

    @Test
    void aFixedDepositInAnotherCurrencyThanThePriceIsRefused() {
        assertThatThrownBy(() -> fixed(5000, null).depositFor(Amount.of(45000, "EUR"), false, 0))
                .isInstanceOf(RuleViolation.class).extracting("slug").isEqualTo("currency-mismatch");
    }
}
