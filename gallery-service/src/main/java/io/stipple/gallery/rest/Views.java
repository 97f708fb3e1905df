package io.stipple.gallery.rest;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.Rendition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Small response records of the gallery API. */
public final class Views {

    private Views() {
    }

    @Schema(name = "SignedLink")
    public record SignedLink(
            @Schema(example = "/api/v1/gallery/files/0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11?rendition=display&expires=1795600000&link=9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a&sig=Jq0...") String url,
            @Schema(example = "2026-11-25T14:05:00Z") Instant expiresAt) {
    }

    /** A page of suggestions, shaped like every other list. */
    @Schema(name = "SetSuggestionPage")
    public record SetSuggestionPage(java.util.List<SetSuggestion> items, int page, int size, long totalItems, int totalPages) {
    }

    @Schema(name = "SetSuggestion", description = "A proposed pairing; POST its two ids to /sets to create the draft")
    public record SetSuggestion(
            @Schema(example = "CROWN") io.stipple.gallery.domain.Angle angle,
            @Schema(example = "0b7c1d7e-3f4a-4e0c-9a55-6b1f2d9c8e11") UUID beforePhotoId,
            @Schema(example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b") UUID afterPhotoId,
            @Schema(example = "HEALED") io.stipple.gallery.domain.Phase afterPhase,
            @Schema(example = "2026-08-01T10:00:00Z") Instant beforeTakenAt,
            @Schema(example = "2026-11-01T10:00:00Z") Instant afterTakenAt) {

        static SetSuggestion of(io.stipple.gallery.domain.PhotoSet.Pairing p) {
            return new SetSuggestion(p.angle(), p.before().id, p.after().id, p.after().phase, p.before().takenAt,
                    p.after().takenAt);
        }
    }

    @Schema(name = "GallerySettings")
    public record Settings(
            @Schema(example = "false", description = "Whether clients may upload their own progress photos") boolean clientUploadsAllowed,
            @Schema(example = "0") long version) {
    }

    @Schema(name = "AccessLogEntry")
    public record AccessEntry(
            @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID id,
            @Schema(example = "STREAMED") AccessAuditEntry.Action action,
            @Schema(example = "DISPLAY", nullable = true) Rendition rendition,
            @Schema(example = "staff-7") String actor,
            @Schema(example = "staff", nullable = true) String actorRole,
            @Schema(nullable = true) UUID setId,
            @Schema(nullable = true) String correlationId,
            @Schema(example = "2026-11-25T13:00:00Z") Instant accessedAt) {

        static AccessEntry of(AccessAuditEntry e) {
            return new AccessEntry(e.id, e.action, e.rendition, e.actor, e.actorRole, e.setId, e.correlationId, e.accessedAt);
        }
    }
}
