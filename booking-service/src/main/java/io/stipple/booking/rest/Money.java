package io.stipple.booking.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Money", description = "An amount in minor units (pence, cents) of an ISO 4217 currency")
public record Money(
        @NotNull @Min(0) @Schema(example = "45000") Long amountMinor,
        @NotNull @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "GBP") String currency) {
}
