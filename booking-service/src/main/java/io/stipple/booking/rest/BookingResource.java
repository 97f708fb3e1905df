package io.stipple.booking.rest;

import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.service.Access;
import io.stipple.booking.service.BookingService.Result;
import io.stipple.booking.service.BookingService;
import io.stipple.booking.service.PaymentCheckout;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings", description = "Booking, rescheduling, cancelling, check-in, no-show and completing sessions")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such booking visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BookingResource {

    @Inject
    PaymentCheckout checkout;

    @Inject
    BookingService bookings;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Book a session", description = "Checks opening and working hours, closures, time off, the plan "
            + "(agreed, sessions left, healing interval) and the screening; PostgreSQL itself refuses any overlap of the "
            + "technician's or room's time. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Booked (BookingConfirmed published)", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Technician or room already booked (booking-conflict), technician off, no room free, or the Idempotency-Key is in use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A booking rule refuses it (unknown-client: not a client of the caller's clinic; client-erased, healing-interval, plan-required, client-not-eligible, booking-in-past, outside-opening-hours, ...)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Partner rate limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CreateBookingRequest request,
                           @Context UriInfo uri) {
        return idempotency.execute(key, "POST /bookings", request, () -> {
            Result r = checkout.create(BookingMapper.command(request));
            return Response.created(uri.getAbsolutePathBuilder().path(r.booking().id.toString()).build())
                    .header("ETag", ETags.of(r.booking().version)).entity(view(r)).build();
        });
    }

    @GET
    @Path("/{bookingId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Read a booking")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    public RestResponse<BookingView> get(@PathParam("bookingId") UUID id) {
        Result r = bookings.get(id).orElseThrow(() -> ProblemException.notFound("Booking " + id));
        return ok(r);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff self otherClient sharedPartner unsharedPartner otherClinicPartner")
    @Operation(summary = "List bookings", description = "The clinic's bookings overlapping from..to, optionally of one technician, "
            + "client or status, ordered by start. A client sees only their own; a partner only those of clients shared with it.")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<BookingView> list(
            @QueryParam("from") @Parameter(description = "Bookings ending after", example = "2026-12-01T00:00:00Z") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Bookings starting before", example = "2026-12-08T00:00:00Z") OffsetDateTime to,
            @QueryParam("technicianId") UUID technicianId,
            @QueryParam("clientId") UUID clientId,
            @QueryParam("status") BookingStatus status,
            @BeanParam @Valid PageQuery page) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        var result = bookings.list(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                technicianId, clientId, status, page);
        return result.map(BookingMapper::view);
    }

    @POST
    @Path("/{bookingId}/reschedule")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Move a booking", description = "Same booking id; the same rules as booking. A client may reschedule "
            + "until the clinic's cancellation notice. Publishes BookingRescheduled. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Conflict, or the booking's state does not allow it (illegal-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A booking rule refuses it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> reschedule(@PathParam("bookingId") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                @Valid @NotNull RescheduleRequest request) {
        return ok(bookings.reschedule(id, BookingMapper.command(request), ifMatch));
    }

    @POST
    @Path("/{bookingId}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Cancel a booking", description = "A client may cancel until the clinic's cancellation notice; staff always. Publishes BookingCancelled.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The booking's state does not allow it (illegal-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Cancellation notice passed (cancellation-window-passed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> cancel(@PathParam("bookingId") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            @Valid @NotNull CancelRequest request) {
        return ok(bookings.cancel(id, request.reason(), BookingMapper.requestedBy(request), ifMatch));
    }

    @POST
    @Path("/{bookingId}/check-in")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Check the client in", description = "From 2 hours before the start (configurable) until the booked time ends")
    @APIResponse(responseCode = "200", description = "Checked in", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "The booking's state does not allow it (illegal-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Too early (check-in-too-early) or the time has passed (booking-over)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> checkIn(@PathParam("bookingId") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(bookings.checkIn(id, ifMatch));
    }

    @POST
    @Path("/{bookingId}/no-show")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Mark the client absent", description = "Only after the start. Publishes BookingNoShow.")
    @APIResponse(responseCode = "200", description = "Marked", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "The booking's state does not allow it (illegal-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not started yet (booking-not-started)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> noShow(@PathParam("bookingId") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(bookings.markNoShow(id, ifMatch));
    }

    @POST
    @Path("/{bookingId}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Complete a checked-in session", description = "Records what was done (areas, pigment with lot and "
            + "expiry, needles, actual duration, notes) and publishes SessionCompleted (not for consultations).")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Session record incomplete", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The booking's state does not allow it (illegal-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Expired pigment (pigment-expired), or before the booked start (session-not-started)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> complete(@PathParam("bookingId") UUID id, @HeaderParam("If-Match") String ifMatch,
                                              @Valid @NotNull CompleteBookingRequest request) {
        return ok(bookings.complete(id, BookingMapper.command(request), ifMatch));
    }

    @GET
    @Path("/{bookingId}/session-record")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "What was done in a completed session")
    @APIResponse(responseCode = "200", description = "The session record", content = @Content(schema = @Schema(implementation = SessionRecordView.class)))
    public SessionRecordView sessionRecord(@PathParam("bookingId") UUID id) {
        var record = bookings.sessionRecord(id).orElseThrow(() -> ProblemException.notFound("Session record of booking " + id));
        return BookingMapper.view(record);
    }

    private static RestResponse<BookingView> ok(Result r) {
        return RestResponse.ResponseBuilder.ok(view(r)).header("ETag", ETags.of(r.booking().version)).build();
    }

    private static BookingView view(Result r) {
        return BookingMapper.view(r);
    }
}
