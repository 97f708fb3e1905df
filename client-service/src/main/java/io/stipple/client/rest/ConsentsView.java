package io.stipple.client.rest;

import io.stipple.client.domain.ConsentScope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The current state of every consent scope (and each partner shared with). */
@Schema(name = "Consents")
public record ConsentsView(
        @Schema(example = "6f1c2a4e-8b0d-4c47-9a51-3f0e6d2b7c10") UUID clientId,
        List<Status> current) {

    /** Whether a scope is granted now, since when, and under which text version. */
    @Schema(name = "ConsentStatus")
    public record Status(
            @Schema(example = "TREATMENT") ConsentScope scope,
            @Schema(nullable = true, maxLength = 100) String partnerId,
            @Schema(example = "true") boolean granted,
            @Schema(description = "Text version of the latest grant or withdrawal", example = "treatment-2026-01",
                    nullable = true, maxLength = 50) String textVersion,
            @Schema(description = "When the current state began; null if never recorded", nullable = true,
                    example = "2026-11-25T10:00:00Z") Instant since,
            @Schema(nullable = true, example = "staff-7", maxLength = 200) String recordedBy) {
    }
}
