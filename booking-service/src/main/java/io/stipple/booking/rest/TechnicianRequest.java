package io.stipple.booking.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * The read-only fields of what GET returns ({@code id}, {@code createdAt}, {@code updatedAt}, {@code version}) are
 * accepted and ignored, so a front end can PUT back what it read after changing a field; any other unknown field is
 * a 400.
 */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"})
@Schema(name = "TechnicianRequest")
public record TechnicianRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Sam Okafor") String displayName,
        @Email @Size(max = 320) @Schema(example = "sam@stipple-london.example") String email,
        @NotNull @Size(max = 100) @Schema(description = "Treatments of the catalogue this technician performs") List<@NotNull UUID> treatmentIds,
        @NotNull @Size(max = 50) List<@Valid @NotNull Hours> workingHours,
        @Schema(description = "Defaults to true", example = "true") Boolean active) {
}
