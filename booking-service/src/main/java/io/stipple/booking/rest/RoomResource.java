package io.stipple.booking.rest;

import io.stipple.booking.domain.Room;
import io.stipple.booking.service.Access;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/clinics/{clinicId}/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms", description = "Treatment rooms and chairs: one session at a time each")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not the caller's clinic, or no such room", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RoomResource {

    @Inject
    StaffService staff;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Add a room")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "400", description = "Invalid room", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Name taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("clinicId") UUID clinicId, @HeaderParam(Idempotency.HEADER) String key,
                           @Valid @NotNull RoomRequest request, @Context UriInfo uri) {
        UUID own = access.requireOwnClinic(clinicId);
        return idempotency.execute(key, "POST /clinics/rooms", request, () -> {
            Room room = staff.createRoom(own, RoomMapper.command(request));
            return Response.created(uri.getAbsolutePathBuilder().path(room.id.toString()).build())
                    .header("ETag", ETags.of(room.version)).entity(RoomMapper.view(room)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "List the clinic's rooms", description = "Ordered by creation")
    @APIResponse(responseCode = "200", description = "A page of rooms")
    public Page<RoomView> list(@PathParam("clinicId") UUID clinicId, @BeanParam @Valid PageQuery page) {
        return staff.rooms(access.requireOwnClinic(clinicId), page).map(RoomMapper::view);
    }

    @GET
    @Path("/{roomId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Read a room")
    @APIResponse(responseCode = "200", description = "The room", content = @Content(schema = @Schema(implementation = RoomView.class)))
    public RestResponse<RoomView> get(@PathParam("clinicId") UUID clinicId, @PathParam("roomId") UUID id) {
        Room room = staff.room(access.requireOwnClinic(clinicId), id);
        return RestResponse.ResponseBuilder.ok(RoomMapper.view(room)).header("ETag", ETags.of(room.version)).build();
    }

    @PUT
    @Path("/{roomId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Rename or (de)activate a room", description = "Needs the current ETag in If-Match")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "400", description = "Invalid room", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Name taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RoomView> update(@PathParam("clinicId") UUID clinicId, @PathParam("roomId") UUID id,
                                         @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RoomRequest request) {
        Room room = staff.updateRoom(access.requireOwnClinic(clinicId), id, RoomMapper.command(request), ifMatch);
        return RestResponse.ResponseBuilder.ok(RoomMapper.view(room)).header("ETag", ETags.of(room.version)).build();
    }
}
