package io.stipple.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "CreateSeriesRequest", description = "The next sessions of a client's agreed plan, booked all or nothing, in time order")
public record CreateSeriesRequest(
        @Schema(description = "Required for staff and partners; a client token books for itself", example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @NotNull @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
        @Schema(description = "Defaults to the client's agreed plan of the treatment's type", example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull SeriesSessionRequest> sessions,
        @Size(max = 2000) @Schema(example = "Shave the head 24 hours before each session") String preparationNotes) {
}
