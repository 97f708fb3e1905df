package io.stipple.booking.rest;

import io.stipple.booking.domain.Technician;
import io.stipple.booking.service.Access;
import io.stipple.booking.service.ClinicService;
import io.stipple.booking.service.StaffService;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.ZoneId;
import java.util.UUID;

@Path("/api/v1/clinics/{clinicId}/technicians")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Technicians", description = "Who performs which treatments, their working week and time off")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not the caller's clinic, or no such record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TechnicianResource {

    @Inject
    StaffService staff;

    @Inject
    ClinicService clinics;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Add a technician")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = TechnicianView.class)))
    @APIResponse(responseCode = "400", description = "Invalid technician", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("clinicId") UUID clinicId, @HeaderParam(Idempotency.HEADER) String key,
                           @Valid @NotNull TechnicianRequest request, @Context UriInfo uri) {
        UUID own = access.requireOwnClinic(clinicId);
        return idempotency.execute(key, "POST /clinics/technicians", request, () -> {
            Technician t = staff.createTechnician(own, TechnicianMapper.command(request));
            return Response.created(uri.getAbsolutePathBuilder().path(t.id.toString()).build())
                    .header("ETag", ETags.of(t.version)).entity(TechnicianMapper.view(t)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self otherClient sharedPartner unsharedPartner")
    @Operation(summary = "List the clinic's technicians", description = "Ordered by creation")
    @APIResponse(responseCode = "200", description = "A page of technicians")
    public Page<TechnicianView> list(@PathParam("clinicId") UUID clinicId, @BeanParam @Valid PageQuery page) {
        return staff.technicians(access.requireOwnClinic(clinicId), page).map(TechnicianMapper::view);
    }

    @GET
    @Path("/{technicianId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self otherClient sharedPartner unsharedPartner")
    @Operation(summary = "Read a technician")
    @APIResponse(responseCode = "200", description = "The technician", content = @Content(schema = @Schema(implementation = TechnicianView.class)))
    public RestResponse<TechnicianView> get(@PathParam("clinicId") UUID clinicId, @PathParam("technicianId") UUID id) {
        Technician t = staff.technician(access.requireOwnClinic(clinicId), id);
        return RestResponse.ResponseBuilder.ok(TechnicianMapper.view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @PUT
    @Path("/{technicianId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Update a technician", description = "Needs the current ETag in If-Match")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = TechnicianView.class)))
    @APIResponse(responseCode = "400", description = "Invalid technician", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TechnicianView> update(@PathParam("clinicId") UUID clinicId, @PathParam("technicianId") UUID id,
                                               @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TechnicianRequest request) {
        Technician t = staff.updateTechnician(access.requireOwnClinic(clinicId), id, TechnicianMapper.command(request), ifMatch);
        return RestResponse.ResponseBuilder.ok(TechnicianMapper.view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @POST
    @Path("/{technicianId}/time-off")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Record a technician's time off", description = "Existing bookings are not moved; availability stops offering the time")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TimeOffView.class)))
    @APIResponse(responseCode = "400", description = "Invalid range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addTimeOff(@PathParam("clinicId") UUID clinicId, @PathParam("technicianId") UUID technicianId,
                               @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull TimeOffRequest request,
                               @Context UriInfo uri) {
        UUID own = access.requireOwnClinic(clinicId);
        return idempotency.execute(key, "POST /clinics/technicians/time-off", request, () -> {
            var off = staff.addTimeOff(own, technicianId, TechnicianMapper.command(request));
            ZoneId zone = clinics.require(own).zone();
            return Response.created(uri.getAbsolutePathBuilder().path(off.id.toString()).build())
                    .entity(TechnicianMapper.view(off, zone)).build();
        });
    }

    @GET
    @Path("/{technicianId}/time-off")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "List a technician's time off", description = "Ordered by start")
    @APIResponse(responseCode = "200", description = "A page of time off")
    public Page<TimeOffView> timeOff(@PathParam("clinicId") UUID clinicId, @PathParam("technicianId") UUID technicianId,
                                     @BeanParam @Valid PageQuery page) {
        UUID own = access.requireOwnClinic(clinicId);
        ZoneId zone = clinics.require(own).zone();
        return staff.timeOff(own, technicianId, page).map(t -> TechnicianMapper.view(t, zone));
    }

    @DELETE
    @Path("/{technicianId}/time-off/{timeOffId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @ResponseStatus(204)
    @Operation(summary = "Remove time off")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteTimeOff(@PathParam("clinicId") UUID clinicId, @PathParam("technicianId") UUID technicianId,
                              @PathParam("timeOffId") UUID id) {
        staff.deleteTimeOff(access.requireOwnClinic(clinicId), technicianId, id);
    }
}
