package io.stipple.booking.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelRequest")
public record CancelRequest(@NotBlank @Size(max = 500) @Schema(example = "Client is unwell") String reason) {
}
