package io.stipple.client.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelPlanRequest")
public record CancelPlanRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Client moved abroad") String reason) {
}
