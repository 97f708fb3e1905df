package io.stipple.booking.rest;

import io.stipple.booking.domain.Clinic;
import io.stipple.booking.service.Access;
import io.stipple.booking.service.ClinicService;
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

import java.util.UUID;

@Path("/api/v1/clinics/{clinicId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinics", description = "The clinic's profile, opening hours and closures")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not the caller's clinic, or no such record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClinicResource {

    @Inject
    ClinicService clinics;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Create or update the clinic's profile", description = "The path's clinic must be the token's. "
            + "Creating needs no If-Match; updating needs the current ETag.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ClinicView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ClinicView.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing on update", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("clinicId") UUID clinicId, @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull ClinicRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        UUID own = access.requireOwnClinic(clinicId);
        ClinicService.Saved saved = clinics.put(own, ClinicMapper.command(request), ifMatch);
        Response.ResponseBuilder r = saved.created() ? Response.created(uri.getRequestUri()) : Response.ok();
        return r.entity(ClinicMapper.view(saved.clinic())).header("ETag", ETags.of(saved.clinic().version)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self otherClient sharedPartner unsharedPartner")
    @Operation(summary = "Read the clinic's profile")
    @APIResponse(responseCode = "200", description = "The clinic", content = @Content(schema = @Schema(implementation = ClinicView.class)))
    public RestResponse<ClinicView> get(@PathParam("clinicId") UUID clinicId) {
        Clinic clinic = clinics.require(access.requireOwnClinic(clinicId));
        return RestResponse.ResponseBuilder.ok(ClinicMapper.view(clinic)).header("ETag", ETags.of(clinic.version)).build();
    }

    @POST
    @Path("/closures")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Close the clinic on some days (holiday)")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ClosureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addClosure(@PathParam("clinicId") UUID clinicId,
                               @HeaderParam(Idempotency.HEADER) String key,
                               @Valid @NotNull ClosureRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        UUID own = access.requireOwnClinic(clinicId);
        return idempotency.execute(key, "POST /clinics/closures", request, () -> {
            var closure = clinics.addClosure(own, ClinicMapper.command(request));
            return Response.created(uri.getAbsolutePathBuilder().path(closure.id.toString()).build())
                    .entity(ClinicMapper.view(closure)).build();
        });
    }

    @GET
    @Path("/closures")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "List the clinic's closures", description = "Ordered by first day")
    @APIResponse(responseCode = "200", description = "A page of closures")
    public Page<ClosureView> closures(@PathParam("clinicId") UUID clinicId, @BeanParam @Valid PageQuery page) {
        return clinics.closures(access.requireOwnClinic(clinicId), page).map(ClinicMapper::view);
    }

    @DELETE
    @Path("/closures/{closureId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @ResponseStatus(204)
    @Operation(summary = "Remove a closure")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteClosure(@PathParam("clinicId") UUID clinicId, @PathParam("closureId") UUID closureId) {
        clinics.deleteClosure(access.requireOwnClinic(clinicId), closureId);
    }
}
