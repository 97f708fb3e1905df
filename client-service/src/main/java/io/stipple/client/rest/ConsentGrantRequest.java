package io.stipple.client.rest;

import io.stipple.client.domain.ConsentScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentGrantRequest")
public record ConsentGrantRequest(
        @NotNull @Schema(example = "TREATMENT") ConsentScope scope,
        @Size(max = 200) @Schema(description = "Required for PARTNER_SHARING, absent otherwise: "
                + "an ACTIVE partner registered by the client's clinic (GET /api/v1/partners)",
                nullable = true) String partnerId,
        @NotBlank @Size(max = 50) @Schema(description = "Version of the consent text the client agreed to",
                example = "treatment-2026-01") String textVersion) {
}
