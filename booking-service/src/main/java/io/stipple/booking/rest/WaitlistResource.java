package io.stipple.booking.rest;

import io.stipple.booking.domain.WaitlistEntryStatus;
import io.stipple.booking.domain.WaitlistOfferStatus;
import io.stipple.booking.service.Access;
import io.stipple.booking.service.BookingService;
import io.stipple.booking.service.PaymentCheckout;
import io.stipple.booking.service.WaitlistService;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The waitlist: a client (or staff, or a partner for a shared client) waits for a treatment; time a booking frees is
 * offered to the waiting clients it fits, as the clinic's {@code waitlistMode} says, and accepting an offer books it.
 */
@Path("/api/v1/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Waitlist", description = "Waiting for freed time, and the offers of it")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WaitlistResource {

    private static final String ROLES = "admin staff self sharedPartner";

    /** A list answers everyone with the caller's own view of it (possibly empty), as the bookings list does. */
    private static final String LIST_ROLES = "admin staff otherClinicStaff self otherClient sharedPartner unsharedPartner otherClinicPartner";

    @Inject
    PaymentCheckout checkout;

    @Inject
    WaitlistService waitlist;

    @Inject
    BookingService bookings;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = ROLES)
    @Operation(summary = "Join the waitlist", description = "Waits for freed time of a treatment within local days from..to "
            + "(at most 90 days), optionally with one technician and local start times earliestTime..latestTime. The client "
            + "must be the clinic's (unknown-client otherwise). Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "In line (Location: the entry)", content = @Content(schema = @Schema(implementation = WaitlistEntryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. more than 90 days, latestTime before earliestTime)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client, treatment or technician visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-client, client-erased or treatment-inactive", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response join(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull JoinWaitlistRequest request) {
        return idempotency.execute(key, "POST /waitlist", request, () -> {
            WaitlistService.Placed p = waitlist.join(WaitlistMapper.command(request));
            return Response.created(UriBuilder.fromResource(WaitlistResource.class).path(p.entry().id.toString()).build())
                    .header("ETag", ETags.of(p.entry().version)).entity(WaitlistMapper.view(p)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = LIST_ROLES)
    @Operation(summary = "List waitlist entries", description = "Staff: the clinic's; a client: its own; a partner: those of "
            + "clients sharing with it. In join order.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WaitlistEntryView> list(@QueryParam("clientId") UUID clientId, @QueryParam("treatmentId") UUID treatmentId,
                                        @QueryParam("status") WaitlistEntryStatus status, @BeanParam @Valid PageQuery page) {
        return waitlist.list(clientId, treatmentId, status, page).map(WaitlistMapper::view);
    }

    @GET
    @Path("/{entryId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = ROLES)
    @Operation(summary = "Read a waitlist entry", description = "With its place in line.")
    @APIResponse(responseCode = "200", description = "The entry", content = @Content(schema = @Schema(implementation = WaitlistEntryView.class)))
    @APIResponse(responseCode = "404", description = "No such entry visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WaitlistEntryView get(@PathParam("entryId") UUID id) {
        return waitlist.get(id).map(WaitlistMapper::view).orElseThrow(() -> ProblemException.notFound("Waitlist entry " + id));
    }

    @DELETE
    @Path("/{entryId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = ROLES)
    @Operation(summary = "Leave the waitlist", description = "The entry is LEFT; its open offers are declined (a held slot "
            + "goes on to the next in line at once). Leaving twice is harmless.")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "No such entry visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Booked through the waitlist already (waitlist-entry-closed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void leave(@PathParam("entryId") UUID id) {
        waitlist.leave(id);
    }

    @GET
    @Path("/offers")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = LIST_ROLES)
    @Operation(summary = "List waitlist offers", description = "Staff: the clinic's; a client: its own; a partner: those of "
            + "clients sharing with it. Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of offers")
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WaitlistOfferView> offers(@QueryParam("clientId") UUID clientId, @QueryParam("entryId") UUID entryId,
                                          @QueryParam("status") WaitlistOfferStatus status, @BeanParam @Valid PageQuery page) {
        var result = waitlist.offers(clientId, entryId, status, page);
        var zone = result.items().isEmpty() ? ZoneOffset.UTC : bookings.zoneOf(access.clinicId());
        return result.map(o -> WaitlistMapper.view(o, zone));
    }

    @GET
    @Path("/offers/{offerId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = ROLES)
    @Operation(summary = "Read a waitlist offer")
    @APIResponse(responseCode = "200", description = "The offer", content = @Content(schema = @Schema(implementation = WaitlistOfferView.class)))
    @APIResponse(responseCode = "404", description = "No such offer visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WaitlistOfferView offer(@PathParam("offerId") UUID id) {
        return waitlist.offer(id).map(o -> WaitlistMapper.view(o, bookings.zoneOf(o.clinicId)))
                .orElseThrow(() -> ProblemException.notFound("Waitlist offer " + id));
    }

    @POST
    @Path("/offers/{offerId}/accept")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = ROLES)
    @Operation(summary = "Accept a waitlist offer", description = "Books the offered time for the offer's client. First in "
            + "line: the held booking is confirmed (same id, BookingConfirmed once); offered to all: a booking under every "
            + "booking rule (BookingConfirmed), and the other offers of that time are taken.")
    @APIResponse(responseCode = "200", description = "Booked", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "No such offer visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "offer-expired (ran out or passed on), offer-taken (somebody else "
            + "accepted first), offer-closed (already accepted or declined)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A booking rule refuses it now (offered to all)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> accept(@PathParam("offerId") UUID id) {
        BookingService.Result r = checkout.accept(id);
        return RestResponse.ResponseBuilder.ok(BookingMapper.view(r))
                .header("ETag", ETags.of(r.booking().version)).build();
    }

    @POST
    @Path("/offers/{offerId}/decline")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = ROLES)
    @Operation(summary = "Decline a waitlist offer", description = "First in line: the hold is released and the time goes "
            + "to the next in line at once. The entry stays in line, in its place.")
    @APIResponse(responseCode = "204", description = "Declined")
    @APIResponse(responseCode = "404", description = "No such offer visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "offer-expired, offer-taken or offer-closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void decline(@PathParam("offerId") UUID id) {
        waitlist.decline(id);
    }
}
