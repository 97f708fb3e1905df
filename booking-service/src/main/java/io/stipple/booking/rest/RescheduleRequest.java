package io.stipple.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "RescheduleRequest", description = "Moves the booking (same id); technician and room stay unless given.")
public record RescheduleRequest(
        @NotNull @Schema(example = "2026-12-02T10:00:00Z") OffsetDateTime startsAt,
        @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
        @Schema(example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID roomId,
        @Valid HealingOverride healingOverride,
        @Schema(description = "For a plan session: also move the plan's later sessions by the same amount, all or nothing "
                + "(otherwise a move that breaks the healing interval to the next session is refused with latestStart)",
                example = "false") Boolean moveFollowing) {
}
