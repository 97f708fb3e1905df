package io.stipple.client.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registers a partner of the clinic. */
@Schema(name = "PartnerRequest")
public record PartnerRequest(
        @NotNull @Size(max = 100) @Schema(description = "Chosen by the clinic; what the partner's tokens carry in partner_id. "
                + "2 to 100 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
                pattern = "^[a-z0-9][a-z0-9._-]{1,99}$", example = "acme-hair") String partnerId,
        @NotBlank @Size(max = 200) @Schema(example = "Acme Hair Clinic") String name) {
}
