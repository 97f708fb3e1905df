package io.stipple.client.rest;

import io.stipple.client.domain.ConsentScope;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentWithdrawalRequest")
public record ConsentWithdrawalRequest(
        @NotNull @Schema(example = "PUBLIC_GALLERY") ConsentScope scope,
        @Size(max = 200) @Schema(description = "Required for PARTNER_SHARING, absent otherwise", nullable = true)
        String partnerId) {
}
