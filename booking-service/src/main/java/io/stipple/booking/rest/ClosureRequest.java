package io.stipple.booking.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ClosureRequest", description = "Whole days the clinic is closed, inclusive, in its local calendar.")
public record ClosureRequest(
        @NotNull @Schema(example = "2026-12-25") LocalDate firstDay,
        @NotNull @Schema(example = "2026-12-26") LocalDate lastDay,
        @NotBlank @Size(max = 200) @Schema(example = "Christmas") String reason) {
}
