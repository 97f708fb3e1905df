package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

/**
 * What a clinic keeps of a paid deposit when a client cancels inside the notice window ({@code lateCancellation}:
 * REFUND it, FORFEIT_DEPOSIT, or a FEE) or does not come ({@code noShow}: FORFEIT_DEPOSIT or a FEE);
 * {@code feeAmount} is the fee when either is FEE. Kept as JSON in the clinic row; {@link #DEFAULT} when a clinic sets
 * none: both forfeit the deposit.
 */
public record CancellationFees(LateCancellation lateCancellation, NoShow noShow, Amount feeAmount) {

    public enum LateCancellation { REFUND, FORFEIT_DEPOSIT, FEE }

    public enum NoShow { FORFEIT_DEPOSIT, FEE }

    public static final CancellationFees DEFAULT =
            new CancellationFees(LateCancellation.FORFEIT_DEPOSIT, NoShow.FORFEIT_DEPOSIT, null);

    /** Checks the fees as given ({@code field} names them in the request). */
    public static CancellationFees of(String field, LateCancellation late, NoShow noShow, Amount fee) {
        LateCancellation l = late == null ? DEFAULT.lateCancellation : late;
        NoShow n = noShow == null ? DEFAULT.noShow : noShow;
        boolean feeUsed = l == LateCancellation.FEE || n == NoShow.FEE;
        if (feeUsed && (fee == null || fee.nothing())) {
            throw RuleViolation.invalidValue(field + ".feeAmount", "a FEE needs a feeAmount above zero");
        }
        if (!feeUsed && fee != null) {
            throw RuleViolation.invalidValue(field + ".feeAmount", "only a FEE takes a feeAmount");
        }
        return new CancellationFees(l, n, fee);
    }
}
