package io.stipple.client.rest;

import io.stipple.client.domain.PartnerStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered partner's new name and status (PUT, with If-Match). */
@Schema(name = "PartnerUpdateRequest")
public record PartnerUpdateRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Acme Hair Clinic") String name,
        @NotNull @Schema(description = "SUSPENDED or REVOKED: the partner's tokens are refused and it sees no client",
                example = "ACTIVE") PartnerStatus status) {
}
