package io.stipple.gallery.rest;

import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import io.stipple.gallery.domain.TreatmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A published set in the public gallery. Deliberately nothing that identifies the client: no client or photo ids,
 * no names, no dates the photos were taken, no original file data.
 */
@Schema(name = "PublicSet")
public record PublicSetView(
        @Schema(example = "8c0e2a4c-6e8a-4c0e-9a4c-6e8a0c2e4a6c") UUID id,
        @Schema(example = "CROWN") Angle angle,
        @Schema(example = "HEALED") Phase afterPhase,
        @Schema(nullable = true, example = "PERMANENT_SMP") TreatmentType treatmentType,
        @Schema(nullable = true, example = "ANDROGENETIC", maxLength = 40) String condition,
        @Schema(nullable = true, example = "NORWOOD", maxLength = 10) String scale,
        @Schema(nullable = true, example = "5A", maxLength = 5) String stage,
        @Schema(nullable = true, example = "3", description = "Fitzpatrick skin type 1–6") Integer skinType,
        @Schema(example = "5b1c8a3e-2f4d-4c6b-9a7e-1d2c3b4a5f60") UUID clinicId,
        @Schema(nullable = true, example = "Stipple Manchester", maxLength = 200) String clinicName,
        @Schema(example = "2026-11-21T09:00:00Z") Instant publishedAt,
        Images images) {

    @Schema(name = "PublicSetImages", description = "Public JPEG URLs (display size, no metadata)")
    public record Images(
            @Schema(example = "/api/v1/gallery/public/sets/8c0e2a4c-6e8a-4c0e-9a4c-6e8a0c2e4a6c/images/before", maxLength = 200) String before,
            @Schema(example = "/api/v1/gallery/public/sets/8c0e2a4c-6e8a-4c0e-9a4c-6e8a0c2e4a6c/images/after", maxLength = 200) String after,
            @Schema(example = "/api/v1/gallery/public/sets/8c0e2a4c-6e8a-4c0e-9a4c-6e8a0c2e4a6c/images/composite", maxLength = 200) String composite) {
    }
}
