package io.stipple.booking.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HealingOverride", description = "Admin only: book a plan session with a shorter healing interval "
        + "than the rules allow. Who (the token's subject) and why are recorded on the booking.")
public record HealingOverride(
        @NotNull @Min(1) @Max(365) @Schema(example = "5") Integer intervalDays,
        @NotBlank @Size(max = 500) @Schema(example = "Client emigrates on the 20th; healing checked in person") String reason) {
}
