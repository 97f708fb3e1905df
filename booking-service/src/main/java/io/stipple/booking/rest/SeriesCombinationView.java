package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SeriesCombination", description = "A way to book the whole series; sameTechnician when one technician does every session")
public record SeriesCombinationView(boolean sameTechnician, List<SeriesSlotView> sessions) {
}
