package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SeriesCombination", description = "A way to book the whole series; sameTechnician when one technician does every session")
public record SeriesCombinationView(boolean sameTechnician, @Schema(description = "At most `sessions` (1 to 10)", maxItems = 10) List<SeriesSlotView> sessions) {
}
