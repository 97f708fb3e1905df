package io.stipple.gallery.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /settings}: the clinic's gallery settings. */
@Schema(name = "GallerySettingsUpdate")
public record GallerySettingsUpdate(
        @NotNull @Schema(example = "true") Boolean clientUploadsAllowed) {
}
