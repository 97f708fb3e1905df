package io.stipple.booking.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "SessionRecord")
public record SessionRecordView(
        @Schema(example = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9") UUID bookingId,
        @Schema(example = "2") Integer sessionNumber,
        @Schema(maxItems = 20) List<@Size(max = 50) String> areasTreated,
        Pigment pigment,
        @Schema(example = "3RL 0.18 mm", maxLength = 100) String needleConfiguration,
        @Schema(example = "135") int actualDurationMinutes,
        @Schema(example = "Light pressure at the crown", maxLength = 4000) String technicianNotes,
        @Schema(example = "tech-sam", maxLength = 200) String recordedBy,
        @Schema(example = "2026-12-01T12:15:00Z") Instant completedAt) {
}
