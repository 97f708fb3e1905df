package io.stipple.gallery.rest;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.Rendition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One entry of a photo's access log: who reached which rendition, how and when. */
@Schema(name = "AccessLogEntry")
public record AccessLogEntryView(
        @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID id,
        @Schema(example = "STREAMED") AccessAuditEntry.Action action,
        @Schema(example = "DISPLAY", nullable = true) Rendition rendition,
        @Schema(example = "staff-7", maxLength = 300) String actor,
        @Schema(example = "staff", nullable = true, maxLength = 20) String actorRole,
        @Schema(nullable = true) UUID setId,
        @Schema(nullable = true, maxLength = 100) String correlationId,
        @Schema(example = "2026-11-25T13:00:00Z") Instant accessedAt) {
}
