package io.stipple.client.rest;

import io.stipple.client.domain.Eligibility;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Screening")
public record ScreeningView(
        @Schema(example = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99") UUID id,
        @Schema(example = "6f1c2a4e-8b0d-4c47-9a51-3f0e6d2b7c10") UUID clientId,
        @Schema(example = "2026-11-25T10:00:00Z") Instant screenedAt,
        @Schema(example = "[\"latex\"]", maxItems = 20) List<@Size(max = 200) String> allergies,
        @Schema(example = "false") boolean pigmentAllergy,
        @Schema(example = "true") boolean keloidTendency,
        @Schema(example = "false") boolean bloodThinners,
        @Schema(example = "false") boolean psoriasis,
        @Schema(example = "false") boolean eczema,
        @Schema(example = "false") boolean activeScalpInfection,
        @Schema(example = "false") boolean pregnant,
        @Schema(description = "Derived from the date of birth", example = "false") boolean minor,
        @Schema(example = "false") boolean guardianConsent,
        @Schema(example = "No medication", nullable = true, maxLength = 4000) String notes,
        @Schema(example = "NEEDS_REVIEW") Eligibility eligibility,
        @Schema(description = "Each of the eight screening rules gives at most one reason",
                example = "[\"Keloid tendency: risk of raised scarring\"]", maxItems = 8)
        List<@Size(max = 100) String> reasons,
        @Schema(example = "false") boolean reviewed,
        @Schema(example = "practitioner-2", nullable = true, maxLength = 200) String reviewedBy,
        @Schema(example = "2026-11-25T11:00:00Z", nullable = true) Instant reviewedAt,
        @Schema(example = "Test patch healed cleanly", nullable = true, maxLength = 4000) String reviewNotes,
        @Schema(description = "True when treatment may go ahead: eligible, or needing review and reviewed",
                example = "false") boolean allowsTreatment,
        @Schema(example = "staff-7", maxLength = 200) String recordedBy,
        @Schema(description = "Also the ETag", example = "0") long version) {
}
