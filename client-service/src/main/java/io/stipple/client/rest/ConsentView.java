package io.stipple.client.rest;

import io.stipple.client.domain.ConsentAction;
import io.stipple.client.domain.ConsentScope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One grant or withdrawal in a client's consent history. */
@Schema(name = "ConsentRecord")
public record ConsentView(
        @Schema(example = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4e3d2c1b") UUID id,
        @Schema(example = "6f1c2a4e-8b0d-4c47-9a51-3f0e6d2b7c10") UUID clientId,
        @Schema(example = "TREATMENT") ConsentScope scope,
        @Schema(nullable = true, maxLength = 100) String partnerId,
        @Schema(example = "GRANTED") ConsentAction action,
        @Schema(example = "treatment-2026-01", maxLength = 50) String textVersion,
        @Schema(example = "2026-11-25T10:00:00Z") Instant occurredAt,
        @Schema(example = "staff-7", maxLength = 200) String recordedBy) {
}
