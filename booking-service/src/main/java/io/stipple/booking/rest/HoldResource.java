package io.stipple.booking.rest;



import io.stipple.booking.service.BookingService;
import io.stipple.booking.service.PaymentCheckout;
import io.stipple.booking.service.BookingService.Result;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * Slot holds: a front end holds a slot while the client fills in the form. A hold is a booking in state HELD (read it
 * at {@code /api/v1/bookings/{id}}) that takes the technician's and room's time under the same database constraints
 * as a booking, for the clinic's hold time (5 minutes unless the clinic sets 1 to 15).
 */
@Path("/api/v1/bookings/holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Slot holds", description = "Holding a slot while the booking form is filled in, then confirming or releasing it")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HoldResource {

    @Inject
    PaymentCheckout checkout;

    @Inject
    BookingService bookings;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Hold a slot", description = "The same request and rules as booking; the result is a HELD booking "
            + "with holdExpiresAt. Nobody else can take the time until it is confirmed, released or runs out; once it runs "
            + "out the time is free at once. Nothing is published until it is confirmed. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Held (Location: the booking)", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The time is taken by a booking or a live hold (booking-conflict), no room free, or the Idempotency-Key is in use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A booking rule refuses it (as for booking)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Partner rate limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response hold(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CreateBookingRequest request) {
        return idempotency.execute(key, "POST /bookings/holds", request, () -> {
            Result r = bookings.hold(BookingMapper.command(request));
            return Response.created(UriBuilder.fromResource(BookingResource.class).path(r.booking().id.toString()).build())
                    .header("ETag", ETags.of(r.booking().version)).entity(view(r)).build();
        });
    }

    @POST
    @Path("/{bookingId}/confirm")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Confirm a hold", description = "The hold becomes the booking, with the same id: CONFIRMED, "
            + "BookingConfirmed published once. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "Booked", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such booking visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The hold ran out (hold-expired) or is no hold any more (illegal-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> confirm(@PathParam("bookingId") UUID id, @HeaderParam("If-Match") String ifMatch,
                                             @Valid ConfirmHoldRequest request) {
        Result r = checkout.confirmHold(id, request == null ? null : request.preparationNotes(), ifMatch);
        return RestResponse.ResponseBuilder.ok(view(r)).header("ETag", ETags.of(r.booking().version)).build();
    }

    @DELETE
    @Path("/{bookingId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Release a hold", description = "Frees the held time at once (the booking becomes RELEASED).")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "404", description = "No such booking visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is no hold (any more): illegal-transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void release(@PathParam("bookingId") UUID id) {
        bookings.releaseHold(id);
    }

    private static BookingView view(Result r) {
        return BookingMapper.view(r);
    }
}
