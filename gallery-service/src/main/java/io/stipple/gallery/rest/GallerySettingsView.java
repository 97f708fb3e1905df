package io.stipple.gallery.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The clinic's gallery settings; {@code version} is their ETag. */
@Schema(name = "GallerySettings")
public record GallerySettingsView(
        @Schema(example = "false", description = "Whether clients may upload their own progress photos") boolean clientUploadsAllowed,
        @Schema(example = "0") long version) {
}
