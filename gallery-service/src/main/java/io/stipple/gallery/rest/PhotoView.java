package io.stipple.gallery.rest;

import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A client's photo as staff and the client see it. The image itself is fetched through {@code links}. */
@Schema(name = "Photo")
public record PhotoView(
        @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11") UUID id,
        @Schema(example = "3f9c2a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f") UUID clientId,
        @Schema(example = "7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f", nullable = true) UUID bookingId,
        @Schema(example = "2", nullable = true, description = "Session number; filled from SessionCompleted when the booking is known") Integer sessionNumber,
        @Schema(example = "BEFORE") Phase phase,
        @Schema(example = "FRONT") Angle angle,
        @Schema(example = "2026-11-20T10:15:00Z") Instant takenAt,
        @Schema(example = "2026-11-20T10:17:03Z") Instant uploadedAt,
        @Schema(example = "JPEG", description = "Format detected from the uploaded content; stored renditions are always JPEG", maxLength = 10) String sourceFormat,
        @Schema(example = "4000", description = "Width after orientation was applied") int width,
        @Schema(example = "3000") int height,
        @Schema(example = "2483112", description = "Size of the full-size re-encoded image") long sizeBytes,
        Links links,
        @Schema(example = "0") long version) {

    @Schema(name = "PhotoLinks", description = "Authorised (bearer) URLs of the renditions; or ask `signedLink` for a short-lived URL")
    public record Links(
            @Schema(example = "/api/v1/gallery/photos/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11/content?rendition=display", maxLength = 200) String display,
            @Schema(example = "/api/v1/gallery/photos/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11/content?rendition=thumbnail", maxLength = 200) String thumbnail,
            @Schema(example = "/api/v1/gallery/photos/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11/content?rendition=full", maxLength = 200) String full,
            @Schema(example = "/api/v1/gallery/photos/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11/signed-link", maxLength = 200) String signedLink) {
    }
}
