package io.stipple.booking.domain;

import io.stipple.booking.domain.CancellationFeePolicy.Cause;
import io.stipple.booking.domain.CancellationFeePolicy.Decision;
import io.stipple.booking.domain.CancellationFeePolicy.Outcome;
import io.stipple.booking.domain.PaymentCommand.RefundReason;
import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancellationFeePolicyTest {

    static final Amount DEPOSIT = Amount.of(5000, "GBP");

    static Amount gbp(long minor) {
        return Amount.of(minor, "GBP");
    }

    static CancellationFees fee(long minor) {
        return CancellationFees.of("f", CancellationFees.LateCancellation.FEE, CancellationFees.NoShow.FEE, gbp(minor));
    }

    @Test
    void aClinicCancellationRefundsInFullWhateverThePolicy() {
        Outcome o = CancellationFeePolicy.decide(Cause.CLINIC_CANCELLED, fee(2000), DEPOSIT, true);
        assertThat(o.refund()).isEqualTo(DEPOSIT);
        assertThat(o.refundReason()).isEqualTo(RefundReason.CLINIC_CANCELLED);
        assertThat(o.kept()).isEqualTo(gbp(0));
        assertThat(o.decisions()).containsExactly(new Decision(PaymentAction.REFUND, DEPOSIT, "clinic-cancellation-full-refund"));
    }

    @Test
    void aClientCancellingInTimeGetsEverythingBack() {
        Outcome o = CancellationFeePolicy.decide(Cause.CLIENT_CANCELLED_IN_TIME, fee(2000), DEPOSIT, true);
        assertThat(o.refund()).isEqualTo(DEPOSIT);
        assertThat(o.refundReason()).isEqualTo(RefundReason.CANCELLED_IN_TIME);
    }

    @Test
    void aLateCancellationFollowsTheClinicsPolicy() {
        Outcome forfeit = CancellationFeePolicy.decide(Cause.LATE_CANCELLATION, null, DEPOSIT, true);
        assertThat(forfeit.kept()).isEqualTo(DEPOSIT);
        assertThat(forfeit.refund()).isEqualTo(gbp(0));
        assertThat(forfeit.rule()).isEqualTo("late-cancellation-forfeit-deposit");

        Outcome waived = CancellationFeePolicy.decide(Cause.LATE_CANCELLATION, CancellationFees.of("f",
                CancellationFees.LateCancellation.REFUND, null, null), DEPOSIT, true);
        assertThat(waived.refund()).isEqualTo(DEPOSIT);
        assertThat(waived.refundReason()).isEqualTo(RefundReason.WAIVED);

        Outcome fee = CancellationFeePolicy.decide(Cause.LATE_CANCELLATION, fee(2000), DEPOSIT, true);
        assertThat(fee.kept()).isEqualTo(gbp(2000));
        assertThat(fee.refund()).isEqualTo(gbp(3000));
        assertThat(fee.refundReason()).isEqualTo(RefundReason.FEE_BALANCE);
        assertThat(fee.feeReason()).isEqualTo(CancellationFeePolicy.FeeReason.LATE_CANCELLATION);
        assertThat(fee.decisions()).extracting(Decision::action).containsExactly(PaymentAction.FEE, PaymentAction.REFUND);
    }

    @Test
    void aFeeAboveTheDepositKeepsItAllAndRecordsTheShortfall() {
        Outcome o = CancellationFeePolicy.decide(Cause.NO_SHOW, fee(8000), DEPOSIT, true);
        assertThat(o.kept()).isEqualTo(DEPOSIT);
        assertThat(o.refund()).isEqualTo(gbp(0));
        assertThat(o.shortfall()).isEqualTo(gbp(3000));
        assertThat(o.rule()).isEqualTo("no-show-fee");
    }

    @Test
    void aNoShowForfeitsTheDepositByDefault() {
        Outcome o = CancellationFeePolicy.decide(Cause.NO_SHOW, CancellationFees.DEFAULT, DEPOSIT, true);
        assertThat(o.kept()).isEqualTo(DEPOSIT);
        assertThat(o.feeReason()).isEqualTo(CancellationFeePolicy.FeeReason.NO_SHOW);
        assertThat(o.decisions()).containsExactly(new Decision(PaymentAction.FORFEIT, DEPOSIT, "no-show-forfeit-deposit"));
    }

    @Test
    void anUnpaidDepositIsDecidedWithNothingToCollect() {
        Outcome o = CancellationFeePolicy.decide(Cause.NO_SHOW, fee(2000), DEPOSIT, false);
        assertThat(o.kept()).isEqualTo(gbp(0));
        assertThat(o.refund()).isEqualTo(gbp(0));
        assertThat(o.shortfall()).isEqualTo(gbp(2000));
        assertThat(o.decisions()).containsExactly(new Decision(PaymentAction.FEE, gbp(0), "no-show-fee"));
    }

    @Test
    void aPaymentAfterExpiryGoesBackInFull() {
        Outcome o = CancellationFeePolicy.paidAfterExpiry(DEPOSIT);
        assertThat(o.refund()).isEqualTo(DEPOSIT);
        assertThat(o.refundReason()).isEqualTo(RefundReason.PAID_AFTER_EXPIRY);
    }

    @Test
    void aFeeNeedsItsAmountAndOnlyAFeeTakesOne() {
        assertThatThrownBy(() -> CancellationFees.of("cancellationFees", CancellationFees.LateCancellation.FEE, null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("cancellationFees.feeAmount");
        assertThatThrownBy(() -> CancellationFees.of("cancellationFees", null, null, gbp(100)))
                .hasMessageContaining("only a FEE");
        assertThatThrownBy(() -> CancellationFeePolicy.decide(Cause.NO_SHOW, CancellationFees.of("f", null,
                CancellationFees.NoShow.FEE, Amount.of(100, "EUR")), DEPOSIT, true))
                .isInstanceOf(RuleViolation.class).extracting("slug").isEqualTo("currency-mismatch");
    }
}
