package io.stipple.booking.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The read-only fields of what GET returns ({@code id}, {@code createdAt}, {@code updatedAt}, {@code version}) are
 * accepted and ignored, so a front end can PUT back what it read after changing a field; any other unknown field is
 * a 400.
 */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"})
@Schema(name = "RoomRequest")
public record RoomRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Room 1") String name,
        @Schema(description = "Defaults to true", example = "true") Boolean active) {
}
