package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Availability")
public record AvailabilityView(
        @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @Schema(example = "Europe/London", maxLength = 64) String timeZone,
        @Schema(example = "2026-03-29") LocalDate from,
        @Schema(example = "2026-04-04") LocalDate to,
        @Schema(description = "This client's session length", example = "120") long sessionMinutes,
        @Schema(example = "30") long bufferMinutes,
        @Schema(description = "The healing interval's earliest start for the next plan session, if any")
        @JsonSerialize(using = ClinicTime.class) OffsetDateTime earliestStart,
        List<TechnicianRef> technicians,
        @JsonSerialize(using = SlotsJson.class) List<Slot> slots) {
}
