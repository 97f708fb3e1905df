package io.stipple.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "CreateBookingRequest")
public record CreateBookingRequest(
        @Schema(description = "Required for staff and partners; a client token books for itself", example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @NotNull @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @NotNull @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @Schema(description = "Optional: a free room is chosen when omitted", example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID roomId,
        @Schema(description = "For plan sessions; defaults to the client's agreed plan of the treatment's type", example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
        @NotNull @Schema(example = "2026-12-01T10:00:00Z") OffsetDateTime startsAt,
        @Size(max = 2000) @Schema(example = "Shave the head 24 hours before; no alcohol the night before") String preparationNotes,
        @Valid HealingOverride healingOverride) {
}
