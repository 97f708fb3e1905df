package io.stipple.client.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A medical screening: every question answered explicitly. Whether the client is a minor comes from the date of birth. */
@Schema(name = "ScreeningRequest")
public record ScreeningRequest(
        @Schema(description = "Defaults to now; not in the future", example = "2026-11-25T10:00:00Z", nullable = true)
        Instant screenedAt,
        @Size(max = 20) @Schema(description = "Declared allergies, free text", example = "[\"latex\"]")
        List<@NotBlank @Size(max = 200) String> allergies,
        @NotNull @Schema(description = "Allergic to pigments or tattoo ink", example = "false") Boolean pigmentAllergy,
        @NotNull @Schema(example = "false") Boolean keloidTendency,
        @NotNull @Schema(example = "false") Boolean bloodThinners,
        @NotNull @Schema(description = "Psoriasis on the scalp", example = "false") Boolean psoriasis,
        @NotNull @Schema(description = "Eczema on the scalp", example = "false") Boolean eczema,
        @NotNull @Schema(example = "false") Boolean activeScalpInfection,
        @NotNull @Schema(example = "false") Boolean pregnant,
        @NotNull @Schema(description = "A guardian has consented (needed when the client is a minor)", example = "false")
        Boolean guardianConsent,
        @Size(max = 4000) @Schema(example = "No medication", nullable = true) String notes) {
}
