package io.stipple.client.rest;

import io.stipple.client.domain.AuditAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(example = "2026-11-25T10:00:00Z") Instant occurredAt,
        @Schema(example = "staff-7", maxLength = 200) String actor,
        @Schema(example = "staff", maxLength = 20) String actorRole,
        @Schema(example = "READ") AuditAction action,
        @Schema(example = "SCREENING", enumeration = {"CLIENT", "ASSESSMENT", "SCREENING", "CONSENT"}) String resourceType,
        @Schema(nullable = true) UUID resourceId,
        @Schema(nullable = true, example = "eligibility NEEDS_REVIEW", maxLength = 500,
                description = "Written by the service from bounded values: a scope, partner id and text version at most")
        String detail) {
}
