package io.stipple.booking.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Pigment")
public record Pigment(
        @NotBlank @Size(max = 100) @Schema(example = "Perma Blend") String brand,
        @NotBlank @Size(max = 100) @Schema(example = "SMP Dark 2") String shade,
        @NotBlank @Size(max = 50) @Schema(example = "1:3") String dilution,
        @NotBlank @Size(max = 100) @Schema(example = "LOT-24-0917") String lot,
        @NotNull @Schema(example = "2027-06-30") LocalDate expiry) {
}
