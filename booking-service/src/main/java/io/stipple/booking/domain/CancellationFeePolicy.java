package io.stipple.booking.domain;

import io.stipple.booking.domain.PaymentCommand.RefundReason;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a booking's deposit when the booking is cancelled or the client does not come, and the rule that
 * decides it:
 * <ul>
 *   <li>the clinic cancels: a full refund ({@value #CLINIC_REFUND});</li>
 *   <li>the client cancels before the notice window: a full refund ({@value #IN_TIME_REFUND});</li>
 *   <li>a cancellation inside the window (staff on the client's behalf): the clinic's {@code lateCancellation} —
 *       REFUND waives it ({@value #LATE_REFUND}), FORFEIT_DEPOSIT keeps the deposit ({@value #LATE_FORFEIT}), FEE
 *       keeps the fee and refunds the balance ({@value #LATE_FEE});</li>
 *   <li>a no-show: the clinic's {@code noShow} — FORFEIT_DEPOSIT ({@value #NO_SHOW_FORFEIT}) or FEE
 *       ({@value #NO_SHOW_FEE}).</li>
 * </ul>
 * A fee larger than the deposit keeps the whole deposit and records the rest as a shortfall: Stipple keeps no card,
 * so it cannot charge more than was paid. A deposit not paid (still open) is decided the same way with nothing to
 * collect: the decision is recorded with amount zero.
 */
public final class CancellationFeePolicy {

    public static final String CLINIC_REFUND = "clinic-cancellation-full-refund";
    public static final String IN_TIME_REFUND = "cancelled-in-time-full-refund";
    public static final String LATE_REFUND = "late-cancellation-fee-waived";
    public static final String LATE_FORFEIT = "late-cancellation-forfeit-deposit";
    public static final String LATE_FEE = "late-cancellation-fee";
    public static final String NO_SHOW_FORFEIT = "no-show-forfeit-deposit";
    public static final String NO_SHOW_FEE = "no-show-fee";
    public static final String PAID_AFTER_EXPIRY = "paid-after-expiry-full-refund";

    /** Why the deposit is decided on. */
    public enum Cause { CLINIC_CANCELLED, CLIENT_CANCELLED_IN_TIME, LATE_CANCELLATION, NO_SHOW }

    /** Why a fee (or forfeited deposit) is kept: FeeCharged's {@code reason}. */
    public enum FeeReason { LATE_CANCELLATION, NO_SHOW }

    /** One decision as shown on the booking. */
    public record Decision(PaymentAction action, Amount amount, String rule) {
    }

    /**
     * The outcome: what goes back ({@code refund}, with the reason for DepositRefunded), what the clinic keeps
     * ({@code kept}, with the reason for FeeCharged; zero when nothing), the part of a fee the deposit did not cover
     * ({@code shortfall}), and the decisions to record.
     */
    public record Outcome(String rule, Amount refund, RefundReason refundReason, Amount kept, FeeReason feeReason,
                          Amount shortfall, List<Decision> decisions) {
    }

    private CancellationFeePolicy() {
    }

    /**
     * @param deposit the deposit asked for
     * @param paid    whether it was paid (else nothing is collected or refunded; the decision is still recorded)
     */
    public static Outcome decide(Cause cause, CancellationFees fees, Amount deposit, boolean paid) {
        CancellationFees f = fees == null ? CancellationFees.DEFAULT : fees;
        return switch (cause) {
            case CLINIC_CANCELLED -> refundAll(CLINIC_REFUND, RefundReason.CLINIC_CANCELLED, deposit, paid);
            case CLIENT_CANCELLED_IN_TIME -> refundAll(IN_TIME_REFUND, RefundReason.CANCELLED_IN_TIME, deposit, paid);
            case LATE_CANCELLATION -> switch (f.lateCancellation()) {
                case REFUND -> refundAll(LATE_REFUND, RefundReason.WAIVED, deposit, paid);
                case FORFEIT_DEPOSIT -> forfeit(LATE_FORFEIT, FeeReason.LATE_CANCELLATION, deposit, paid);
                case FEE -> fee(LATE_FEE, FeeReason.LATE_CANCELLATION, f.feeAmount(), deposit, paid);
            };
            case NO_SHOW -> switch (f.noShow()) {
                case FORFEIT_DEPOSIT -> forfeit(NO_SHOW_FORFEIT, FeeReason.NO_SHOW, deposit, paid);
                case FEE -> fee(NO_SHOW_FEE, FeeReason.NO_SHOW, f.feeAmount(), deposit, paid);
            };
        };
    }

    /** A deposit paid after its booking expired (the time is gone): all of it goes back. */
    public static Outcome paidAfterExpiry(Amount deposit) {
        return refundAll(PAID_AFTER_EXPIRY, RefundReason.PAID_AFTER_EXPIRY, deposit, true);
    }

    private static Outcome refundAll(String rule, RefundReason reason, Amount deposit, boolean paid) {
        Amount refund = paid ? deposit : zero(deposit);
        return new Outcome(rule, refund, reason, zero(deposit), null, zero(deposit),
                List.of(new Decision(PaymentAction.REFUND, refund, rule)));
    }

    private static Outcome forfeit(String rule, FeeReason reason, Amount deposit, boolean paid) {
        Amount kept = paid ? deposit : zero(deposit);
        return new Outcome(rule, zero(deposit), null, kept, reason, zero(deposit),
                List.of(new Decision(PaymentAction.FORFEIT, kept, rule)));
    }

    private static Outcome fee(String rule, FeeReason reason, Amount fee, Amount deposit, boolean paid) {
        deposit.requireSameCurrency(fee);
        if (!paid) {
            // nothing was paid, so nothing can be kept: the whole fee is a shortfall
            return new Outcome(rule, zero(deposit), null, zero(deposit), reason, fee,
                    List.of(new Decision(PaymentAction.FEE, zero(deposit), rule)));
        }
        Amount kept = fee.min(deposit);
        Amount balance = deposit.minus(kept);
        Amount shortfall = fee.minor() > deposit.minor() ? fee.minus(deposit) : zero(deposit);
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision(PaymentAction.FEE, kept, rule));
        if (!balance.nothing()) {
            decisions.add(new Decision(PaymentAction.REFUND, balance, rule));
        }
        return new Outcome(rule, balance, balance.nothing() ? null : RefundReason.FEE_BALANCE, kept, reason, shortfall,
                List.copyOf(decisions));
    }

    private static Amount zero(Amount like) {
        return Amount.of(0, like.currency());
    }
}
