package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Closure")
public record ClosureView(
        @Schema(example = "0b7f3c5e-2d5d-4d8e-8f5e-0f5f1a2b3c4d") UUID id,
        @Schema(example = "2026-12-25") LocalDate firstDay,
        @Schema(example = "2026-12-26") LocalDate lastDay,
        @Schema(example = "Christmas", maxLength = 200) String reason,
        @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt) {
}
