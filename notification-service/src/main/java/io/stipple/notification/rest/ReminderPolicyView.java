package io.stipple.notification.rest;

import io.stipple.notification.domain.PolicyRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A clinic's reminder policy. */
@Schema(name = "ReminderPolicy")
public record ReminderPolicyView(
        @Schema(example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9") UUID clinicId,
        @Schema(example = "true", description = "Still the inherited default: the first save makes the clinic's own copy") boolean inherited,
        @Schema(example = "0", description = "Send back in If-Match to update (0 while inherited)") long version,
        @Schema(example = "2026-11-25T14:00:00Z") Instant updatedAt,
        @Schema(example = "admin-1", nullable = true, maxLength = 200) String updatedBy,
        PolicyRules rules) {
}
