package io.stipple.booking.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelRequest")
public record CancelRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Client is unwell") String reason,
        @Schema(implementation = String.class, enumeration = {"CLINIC", "CLIENT"}, description = "Staff only: who asked "
                + "for the cancellation. CLINIC (the default) refunds a deposit in full; CLIENT (a client who phoned in) "
                + "applies the client's rules: a full refund before the notice window, the clinic's lateCancellation "
                + "policy inside it. Ignored for clients and manage-link holders (always CLIENT). BookingCancelled's "
                + "cancelledBy.", example = "CLIENT") RequestedBy requestedBy) {

    /** Who asked for a cancellation made by staff. */
    public enum RequestedBy { CLINIC, CLIENT }
}
