package io.stipple.booking.rest;

import io.stipple.booking.service.Access;
import io.stipple.booking.service.AvailabilityService;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Free start times for a client's session")
@SecurityRequirement(name = OpenApiText.BEARER)
public class AvailabilityResource {

    @Inject
    AvailabilityService availability;

    @Inject
    Access access;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    // a client token gets its own availability whatever it asks for (another client's id is 404)
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self otherClient sharedPartner")
    @Operation(summary = "Free start times", description = "For the caller's clinic, a treatment and a client, over local dates "
            + "from..to (at most 31 days): the start times (in the clinic's zone, with offset) at which a technician who "
            + "performs the treatment and a room are free for the client's whole session plus clean-up, within opening "
            + "hours, working hours, closures, time off and the healing interval of the client's plan.")
    @APIResponse(responseCode = "200", description = "Free start times", content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @APIResponse(responseCode = "400", description = "Bad range or parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such clinic, treatment, technician or (visible) client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The client cannot be booked for this treatment (unknown-client: not a client of the caller's clinic; client-erased; plan, screening, sessions used up)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Partner rate limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AvailabilityView search(
            @QueryParam("treatmentId") @NotNull @Parameter(description = "The treatment") UUID treatmentId,
            @QueryParam("clientId") @Parameter(description = "The client (a client token may omit it)") UUID clientId,
            @QueryParam("from") @NotNull @Parameter(description = "First local date", example = "2026-12-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(description = "Last local date (inclusive)", example = "2026-12-07") LocalDate to,
            @QueryParam("technicianId") @Parameter(description = "Only this technician") UUID technicianId) {
        UUID client = access.bookingClient(clientId);
        return BookingMapper.view(availability.search(access.clinicId(), treatmentId, client, from, to, technicianId));
    }

    @GET
    @Path("/series")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self otherClient sharedPartner")
    @Operation(summary = "Bookable series of plan sessions", description = "The next sessions of the client's agreed plan "
            + "(all it has left, or `sessions`) as combinations to book in one step (POST /bookings/series): the first on a "
            + "local date from `from` within 31 days, each next one at the earliest free time at least the plan's healing "
            + "interval after the one before, with the same technician where one has the time. One combination per first "
            + "day, earliest first, at most `limit`. Nothing is held.")
    @APIResponse(responseCode = "200", description = "Combinations (possibly none)", content = @Content(schema = @Schema(implementation = SeriesAvailabilityView.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters (sessions beyond what the plan has left, ...)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such treatment, technician or (visible) client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No agreed plan for this treatment (plan-required), or the client cannot be booked (as for availability)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Partner rate limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SeriesAvailabilityView series(
            @QueryParam("treatmentId") @NotNull @Parameter(description = "The plan's treatment") UUID treatmentId,
            @QueryParam("clientId") @Parameter(description = "The client (a client token may omit it)") UUID clientId,
            @QueryParam("from") @NotNull @Parameter(description = "First local date of the first session", example = "2026-12-01") LocalDate from,
            @QueryParam("sessions") @Min(1) @Max(10) @Parameter(description = "How many sessions (default: all the plan has left)") Integer sessions,
            @QueryParam("technicianId") @Parameter(description = "The technician to prefer") UUID technicianId,
            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) @Parameter(description = "Most combinations to return") int limit) {
        UUID client = access.bookingClient(clientId);
        var r = availability.searchSeries(access.clinicId(), treatmentId, client, from, sessions, technicianId, limit);
        return BookingMapper.view(r, from);
    }
}
