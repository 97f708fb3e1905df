package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Technician")
public record TechnicianView(
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(example = "Sam Okafor", maxLength = 200) String displayName,
        @Schema(example = "sam@stipple-london.example", maxLength = 320) String email,
        @Schema(maxItems = 100) List<UUID> treatmentIds,
        @Schema(maxItems = 50) List<Hours> workingHours,
        @Schema(example = "true") boolean active,
        @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
        @Schema(example = "0") long version) {
}
