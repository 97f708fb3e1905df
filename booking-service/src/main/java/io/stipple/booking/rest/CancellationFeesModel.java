package io.stipple.booking.rest;

import io.stipple.booking.domain.CancellationFees;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationFees", description = "What a late cancellation (inside the notice window) or a no-show costs "
        + "out of a paid deposit. A fee larger than the deposit keeps the whole deposit (Stipple keeps no card, so it "
        + "cannot charge more); the rest is recorded as a shortfall.")
public record CancellationFeesModel(
        @Schema(implementation = String.class, enumeration = {"REFUND", "FORFEIT_DEPOSIT", "FEE"}, description = "REFUND the deposit (waive), keep it (FORFEIT_DEPOSIT, the default), or keep feeAmount and refund the balance (FEE)", example = "FEE") CancellationFees.LateCancellation lateCancellation,
        @Schema(implementation = String.class, enumeration = {"FORFEIT_DEPOSIT", "FEE"}, description = "Keep the deposit (FORFEIT_DEPOSIT, the default) or keep feeAmount and refund the balance (FEE)", example = "FORFEIT_DEPOSIT") CancellationFees.NoShow noShow,
        @Valid @Schema(description = "The fee, when either is FEE") Money feeAmount) {
}
