package io.stipple.booking.rest;

import io.stipple.booking.domain.DepositPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepositPolicy", description = "Whether and how much of a deposit a booking needs. Setting any kind but "
        + "NONE needs a payment provider (409 payments-not-configured without one).")
public record DepositPolicyModel(
        @NotNull @Schema(implementation = String.class, enumeration = {"NONE", "FIXED", "PERCENT"}, description = "NONE, a FIXED amount, or a PERCENT of the treatment's price", example = "FIXED") DepositPolicy.Kind kind,
        @Valid @Schema(description = "FIXED only: the deposit, in the treatment's currency") Money amount,
        @Min(1) @Max(100) @Schema(description = "PERCENT only: 1-100 of the treatment's price, rounded half up to the minor unit", example = "20") Integer percent,
        @Schema(implementation = String.class, enumeration = {"EVERYONE", "SELF_SERVICE", "NO_SHOW_HISTORY"}, description = "Who is asked: EVERYONE (the default), SELF_SERVICE (bookings made by a client, a partner or a manage-link holder, not staff), or NO_SHOW_HISTORY (clients with noShowCount or more no-shows in the last noShowMonths months)", example = "EVERYONE") DepositPolicy.AppliesTo appliesTo,
        @Min(1) @Max(100) @Schema(description = "NO_SHOW_HISTORY only: this many no-shows or more", example = "2") Integer noShowCount,
        @Min(1) @Max(36) @Schema(description = "NO_SHOW_HISTORY only: within this many months", example = "12") Integer noShowMonths) {
}
