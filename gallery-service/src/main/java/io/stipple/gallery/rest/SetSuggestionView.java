package io.stipple.gallery.rest;

import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A proposed before/after pairing of a client's photos. */
@Schema(name = "SetSuggestion", description = "A proposed pairing; POST its two ids to /sets to create the draft")
public record SetSuggestionView(
        @Schema(example = "CROWN") Angle angle,
        @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11") UUID beforePhotoId,
        @Schema(example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b") UUID afterPhotoId,
        @Schema(example = "HEALED") Phase afterPhase,
        @Schema(example = "2026-08-01T10:00:00Z") Instant beforeTakenAt,
        @Schema(example = "2026-11-01T10:00:00Z") Instant afterTakenAt) {
}
