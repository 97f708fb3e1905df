package io.stipple.gallery.rest;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.domain.TreatmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything gallery-service holds about one client of the caller's clinic (GDPR Art. 15/20), as one document. */
@Schema(name = "GalleryClientExport", description = "Everything gallery-service holds about one client of the caller's "
        + "clinic. The images are not inside: each photo names the path its full-size image is streamed from.")
public record ClientExportView(
        @Schema(example = "2026-11-25T12:00:00Z") Instant exportedAt,
        @Schema(example = "0b6b4d8e-2f41-4c9e-8a3b-5d7e9f1a2c34") UUID clinicId,
        @Schema(example = "3f9c2a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f") UUID clientId,
        @Schema(description = "What client-service told the gallery: photo consents and the public gallery's facts") Profile profile,
        @Schema(description = "The client's photos, oldest taken first") List<ExportedPhoto> photos,
        @Schema(description = "Before/after sets of the client's photos, in any state") List<SetView> sets,
        @Schema(description = "Completed sessions (from booking-service) the photos are linked to") List<Session> completedSessions,
        @Schema(description = "Every access to the client's private images and every signed link issued") List<Access> accessLog) {

    @Schema(name = "GalleryClientProfile")
    public record Profile(
            @Schema(example = "true") boolean clinicalPhotosConsent,
            @Schema(example = "2026-11-20T10:00:00Z", nullable = true) Instant clinicalPhotosConsentAt,
            @Schema(example = "false") boolean publicGalleryConsent,
            @Schema(example = "2026-11-21T10:00:00Z", nullable = true) Instant publicGalleryConsentAt,
            @Schema(example = "ANDROGENETIC", nullable = true, maxLength = 40) String condition,
            @Schema(example = "NORWOOD", nullable = true, maxLength = 10) String scale,
            @Schema(example = "5A", nullable = true, maxLength = 5) String stage,
            @Schema(example = "3", nullable = true, description = "Fitzpatrick skin type 1–6") Integer skinType,
            @Schema(example = "2026-11-20T10:00:00Z", nullable = true) Instant assessedAt,
            @Schema(example = "PERMANENT_SMP", nullable = true) TreatmentType treatmentType,
            @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
    }

    @Schema(name = "GalleryExportedPhoto")
    public record ExportedPhoto(
            @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11") UUID id,
            @Schema(example = "7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f", nullable = true) UUID bookingId,
            @Schema(example = "2", nullable = true) Integer sessionNumber,
            @Schema(example = "BEFORE") Phase phase,
            @Schema(example = "FRONT") Angle angle,
            @Schema(example = "2026-11-20T10:15:00Z") Instant takenAt,
            @Schema(example = "2026-11-20T10:17:03Z") Instant uploadedAt,
            @Schema(example = "staff-7", description = "Who uploaded it (token subject)", maxLength = 200) String uploadedBy,
            @Schema(example = "JPEG", description = "Format of the uploaded file; stored images are always re-encoded JPEG without metadata", maxLength = 10) String sourceFormat,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", description = "SHA-256 of the uploaded file (which is not kept)", minLength = 64, maxLength = 64) String uploadSha256,
            @Schema(example = "4000") int width,
            @Schema(example = "3000") int height,
            @Schema(example = "2483112", description = "Size of the full-size image") long sizeBytes,
            @Schema(example = "/api/v1/gallery/photos/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11/content?rendition=full",
                    description = "Where the full-size image is streamed from (bearer token)", maxLength = 200) String contentPath) {
    }

    @Schema(name = "GalleryCompletedSession")
    public record Session(
            @Schema(example = "7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f") UUID bookingId,
            @Schema(example = "b2c3d4e5-f6a7-4811-9900-bbccddeeff00", nullable = true) UUID planId,
            @Schema(example = "2", nullable = true) Integer sessionNumber,
            @Schema(example = "PERMANENT_SMP", nullable = true) TreatmentType treatmentType,
            @Schema(example = "2026-11-20T12:00:00Z") Instant completedAt) {
    }

    @Schema(name = "GalleryImageAccess")
    public record Access(
            @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID id,
            @Schema(example = "STREAMED") AccessAuditEntry.Action action,
            @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11", nullable = true) UUID photoId,
            @Schema(nullable = true) UUID setId,
            @Schema(example = "DISPLAY", nullable = true) Rendition rendition,
            @Schema(example = "staff-7", maxLength = 300) String actor,
            @Schema(example = "staff", nullable = true, maxLength = 20) String actorRole,
            @Schema(nullable = true, maxLength = 100) String correlationId,
            @Schema(example = "2026-11-25T13:00:00Z") Instant accessedAt) {
    }
}
