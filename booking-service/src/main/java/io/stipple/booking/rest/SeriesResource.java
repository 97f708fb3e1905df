package io.stipple.booking.rest;

import io.stipple.booking.service.BookingService;
import io.stipple.booking.service.PaymentCheckout;
import io.stipple.booking.service.BookingService.Result;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import java.util.List;

/** The whole plan in one step: a series found by {@code GET /availability/series}, booked all or nothing. */
@Path("/api/v1/bookings/series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SeriesResource {

    @Inject
    PaymentCheckout checkout;

    @Inject
    BookingService bookings;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Book a series of plan sessions", description = "Books every session in one transaction, in time "
            + "order, each under every rule of booking one (plan session numbers, the healing interval after the session "
            + "before, opening and working hours, the database's overlap constraints); each publishes BookingConfirmed. "
            + "All or nothing: when one session no longer fits, none is booked. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Booked (Location: the first booking)", content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (sessions not in time order, ...)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such treatment, technician, room or (visible) client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "series-session-unavailable: a session no longer fits (session: its position from 1, startsAt, reason: the rule's problem type); nothing was booked. Or the Idempotency-Key is in use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Partner rate limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CreateSeriesRequest request) {
        return idempotency.execute(key, "POST /bookings/series", request, () -> {
            List<Result> booked = checkout.createSeries(BookingMapper.command(request));
            SeriesView view = new SeriesView(booked.stream().map(r -> BookingMapper.view(r)).toList());
            return Response.created(UriBuilder.fromResource(BookingResource.class)
                            .path(booked.get(0).booking().id.toString()).build())
                    .entity(view).build();
        });
    }
}
