package io.stipple.gallery.rest;

import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import io.stipple.gallery.domain.SetStatus;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.domain.WithdrawalReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A before/after set as the clinic sees it while moderating. */
@Schema(name = "PhotoSet")
public record SetView(
        @Schema(example = "8c0e2a4c-6e8a-4c0e-9a4c-6e8a0c2e4a6c") UUID id,
        @Schema(example = "3f9c2a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f") UUID clientId,
        @Schema(example = "FRONT") Angle angle,
        @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11") UUID beforePhotoId,
        @Schema(example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b") UUID afterPhotoId,
        @Schema(example = "HEALED") Phase afterPhase,
        @Schema(example = "SUBMITTED") SetStatus status,
        @Schema(example = "2026-11-20T10:20:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T10:25:00Z", nullable = true) Instant submittedAt,
        @Schema(example = "2026-11-21T09:00:00Z", nullable = true) Instant publishedAt,
        @Schema(nullable = true) Instant withdrawnAt,
        @Schema(nullable = true, example = "CONSENT_WITHDRAWN") WithdrawalReason withdrawalReason,
        @Schema(nullable = true, example = "Crop the crown shot tighter", maxLength = 1000) String moderationNote,
        @Schema(nullable = true, example = "PERMANENT_SMP", description = "Copied from the client's plan when published") TreatmentType treatmentType,
        @Schema(nullable = true, example = "ANDROGENETIC", maxLength = 40) String condition,
        @Schema(nullable = true, example = "NORWOOD", maxLength = 10) String scale,
        @Schema(nullable = true, example = "5A", maxLength = 5) String stage,
        @Schema(nullable = true, example = "3", description = "Fitzpatrick skin type 1–6") Integer skinType,
        @Schema(example = "/api/v1/gallery/sets/8c0e2a4c-6e8a-4c0e-9a4c-6e8a0c2e4a6c/composite", maxLength = 200) String compositeUrl,
        @Schema(example = "2", description = "Also the ETag; send it in If-Match to moderate") long version) {
}
