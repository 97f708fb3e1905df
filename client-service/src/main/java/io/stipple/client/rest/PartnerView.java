package io.stipple.client.rest;

import io.stipple.client.domain.PartnerStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Partner")
public record PartnerView(
        @Schema(example = "acme-hair", maxLength = 100) String partnerId,
        @Schema(example = "Acme Hair Clinic", maxLength = 200) String name,
        @Schema(example = "ACTIVE") PartnerStatus status,
        @Schema(example = "2026-11-25T10:15:30Z") Instant registeredAt,
        @Schema(example = "2026-11-25T10:15:30Z") Instant updatedAt,
        @Schema(description = "Also the ETag; send it in If-Match to update", example = "0") long version) {
}
