package io.stipple.gallery.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The body of {@code POST /sets}: a BEFORE photo and a later photo of the same client and angle. */
@Schema(name = "CreateSetRequest")
public record CreateSetRequest(
        @NotNull @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11", description = "A BEFORE photo") UUID beforePhotoId,
        @NotNull @Schema(example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", description = "An AFTER or HEALED photo of the same client and angle, taken later") UUID afterPhotoId) {
}
