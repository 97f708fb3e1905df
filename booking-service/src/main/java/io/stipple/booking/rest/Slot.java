package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Slot", description = "A free start time and the technicians free for the whole session then")
public record Slot(
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-03-29T02:00:00+01:00") OffsetDateTime startsAt,
        @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-03-29T04:00:00+01:00") OffsetDateTime endsAt,
        List<UUID> technicianIds) {
}
