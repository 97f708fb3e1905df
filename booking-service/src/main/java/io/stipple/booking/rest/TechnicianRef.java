package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "AvailableTechnician")
public record TechnicianRef(
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(example = "Sam Okafor", maxLength = 200) String displayName) {
}
