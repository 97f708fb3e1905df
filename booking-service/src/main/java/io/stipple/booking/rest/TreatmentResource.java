package io.stipple.booking.rest;

import io.stipple.booking.domain.Treatment;
import io.stipple.booking.service.Access;
import io.stipple.booking.service.CatalogueService;
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

@Path("/api/v1/treatments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Treatments", description = "The clinic's treatment catalogue: durations by coverage, buffers, prices")
@SecurityRequirement(name = OpenApiText.BEARER)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such treatment in the caller's clinic (or no clinic profile yet)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TreatmentResource {

    @Inject
    CatalogueService catalogue;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Add a treatment to the catalogue")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = TreatmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid treatment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull TreatmentRequest request,
                           @Context UriInfo uri) {
        UUID clinicId = access.clinicId();
        return idempotency.execute(key, "POST /treatments", request, () -> {
            Treatment t = catalogue.create(clinicId, TreatmentMapper.command(request));
            return Response.created(uri.getAbsolutePathBuilder().path(t.id.toString()).build())
                    .header("ETag", ETags.of(t.version)).entity(TreatmentMapper.view(t)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff self otherClient sharedPartner unsharedPartner otherClinicPartner")
    @Operation(summary = "List the catalogue", description = "Ordered by creation")
    @APIResponse(responseCode = "200", description = "A page of treatments")
    public Page<TreatmentView> list(@BeanParam @Valid PageQuery page) {
        return catalogue.list(access.clinicId(), page).map(TreatmentMapper::view);
    }

    @GET
    @Path("/{treatmentId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT, Roles.PARTNER})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self otherClient sharedPartner unsharedPartner")
    @Operation(summary = "Read a treatment")
    @APIResponse(responseCode = "200", description = "The treatment", content = @Content(schema = @Schema(implementation = TreatmentView.class)))
    public RestResponse<TreatmentView> get(@PathParam("treatmentId") UUID id) {
        Treatment t = catalogue.find(access.clinicId(), id);
        return RestResponse.ResponseBuilder.ok(TreatmentMapper.view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @PUT
    @Path("/{treatmentId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Update a treatment", description = "Needs the current ETag in If-Match; the kind cannot change")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = TreatmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid treatment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TreatmentView> update(@PathParam("treatmentId") UUID id, @HeaderParam("If-Match") String ifMatch,
                                              @Valid @NotNull TreatmentRequest request) {
        Treatment t = catalogue.update(access.clinicId(), id, TreatmentMapper.command(request), ifMatch);
        return RestResponse.ResponseBuilder.ok(TreatmentMapper.view(t)).header("ETag", ETags.of(t.version)).build();
    }
}
