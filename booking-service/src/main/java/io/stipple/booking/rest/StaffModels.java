package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** API records of technicians, their time off, and rooms. */
public final class StaffModels {

    private StaffModels() {
    }

    @Schema(name = "TechnicianRequest")
    public record TechnicianRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Sam Okafor") String displayName,
            @Email @Size(max = 320) @Schema(example = "sam@stipple-london.example") String email,
            @NotNull @Size(max = 100) @Schema(description = "Treatments of the catalogue this technician performs") List<@NotNull UUID> treatmentIds,
            @NotNull @Size(max = 50) List<ClinicModels.@Valid @NotNull Hours> workingHours,
            @Schema(description = "Defaults to true", example = "true") Boolean active) {
    }

    @Schema(name = "Technician")
    public record TechnicianView(
            @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @Schema(example = "Sam Okafor") String displayName,
            @Schema(example = "sam@stipple-london.example") String email,
            List<UUID> treatmentIds,
            List<ClinicModels.Hours> workingHours,
            @Schema(example = "true") boolean active,
            @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
            @Schema(example = "0") long version) {
    }

    @Schema(name = "TimeOffRequest")
    public record TimeOffRequest(
            @NotNull @Schema(example = "2026-12-01T09:00:00Z") OffsetDateTime startsAt,
            @NotNull @Schema(example = "2026-12-03T18:00:00Z") OffsetDateTime endsAt,
            @Size(max = 200) @Schema(example = "Training course") String reason) {
    }

    @Schema(name = "TimeOff")
    public record TimeOffView(
            @Schema(example = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f") UUID id,
            @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
            @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T09:00:00Z") OffsetDateTime startsAt,
            @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-03T18:00:00Z") OffsetDateTime endsAt,
            @Schema(example = "Training course") String reason) {
    }

    @Schema(name = "RoomRequest")
    public record RoomRequest(
            @NotBlank @Size(max = 100) @Schema(example = "Room 1") String name,
            @Schema(description = "Defaults to true", example = "true") Boolean active) {
    }

    @Schema(name = "Room")
    public record RoomView(
            @Schema(example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID id,
            @Schema(example = "Room 1") String name,
            @Schema(example = "true") boolean active,
            @Schema(example = "0") long version) {
    }
}
