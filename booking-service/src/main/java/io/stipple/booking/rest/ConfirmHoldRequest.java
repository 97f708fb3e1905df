package io.stipple.booking.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the form adds when a held slot becomes the booking; the body may be empty. */
@Schema(name = "ConfirmHoldRequest", description = "Turns a live hold into the booking (same id)")
public record ConfirmHoldRequest(
        @Size(max = 2000) @Schema(example = "Shave the head 24 hours before; no alcohol the night before") String preparationNotes) {
}
