package io.stipple.booking.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoomRequest")
public record RoomRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Room 1") String name,
        @Schema(description = "Defaults to true", example = "true") Boolean active) {
}
