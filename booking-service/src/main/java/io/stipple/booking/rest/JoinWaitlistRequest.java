package io.stipple.booking.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

@Schema(name = "JoinWaitlistRequest", description = "Waits for freed time of a treatment: local days from..to (at most 90 "
        + "days apart), optionally one technician and a window of local start times.")
public record JoinWaitlistRequest(
        @Schema(description = "Required for staff and partners; a client token joins for itself", example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @NotNull @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @NotNull @Schema(description = "First local day (clinic zone)", example = "2026-12-01") LocalDate from,
        @NotNull @Schema(description = "Last local day, at most 90 days after from", example = "2026-12-31") LocalDate to,
        @Schema(description = "Only this technician (any qualified one when omitted)", example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @Schema(description = "Earliest local start time taken", example = "09:00") LocalTime earliestTime,
        @Schema(description = "Latest local start time taken", example = "13:00") LocalTime latestTime) {
}
