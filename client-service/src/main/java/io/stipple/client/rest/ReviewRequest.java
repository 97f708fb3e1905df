package io.stipple.client.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A practitioner's review of a screening that needs one. */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
        @Size(max = 4000) @Schema(example = "Patch test on 2026-11-18 healed cleanly; proceed", nullable = true)
        String notes) {
}
