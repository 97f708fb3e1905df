package io.stipple.gallery.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request bodies of the gallery API. */
public final class Requests {

    private Requests() {
    }

    @Schema(name = "CreateSetRequest")
    public record CreateSet(
            @NotNull @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11", description = "A BEFORE photo") UUID beforePhotoId,
            @NotNull @Schema(example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", description = "An AFTER or HEALED photo of the same client and angle, taken later") UUID afterPhotoId) {
    }

    @Schema(name = "RejectSetRequest")
    public record RejectSet(
            @NotNull @Size(min = 1, max = 1000) @Schema(example = "Crop the crown shot tighter") String note) {
    }

    @Schema(name = "GallerySettingsUpdate")
    public record UpdateSettings(
            @NotNull @Schema(example = "true") Boolean clientUploadsAllowed) {
    }
}
