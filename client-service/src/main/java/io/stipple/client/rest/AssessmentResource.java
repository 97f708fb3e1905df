package io.stipple.client.rest;

import io.stipple.client.domain.Assessment;
import io.stipple.client.service.AssessmentService;
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
import jakarta.ws.rs.core.EntityTag;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Hair-loss assessments, dated, with history (medical data: access is audited)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such client (or assessment) visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AssessmentResource {

    @Inject
    AssessmentService assessments;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Record an assessment",
            description = "The stage must belong to the scale; scar details are required for SCAR_* conditions. "
                    + "Publishes AssessmentRecorded.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or inconsistent values (field named in violations)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "idempotency-key-reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("clientId") UUID clientId,
                           @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull AssessmentRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/clients/" + clientId + "/assessments", request, () -> {
            Assessment a = assessments.record(clientId, AssessmentMapper.toCommand(request));
            return Response.created(uriInfo.getAbsolutePathBuilder().path(a.id.toString()).build())
                    .entity(AssessmentMapper.toView(a)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "A client's assessment history, oldest first")
    @APIResponse(responseCode = "200", description = "A page of assessments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AssessmentView> history(@PathParam("clientId") UUID clientId, @BeanParam @Valid PageQuery page) {
        return assessments.history(clientId, page).map(AssessmentMapper::toView);
    }

    @GET
    @Path("{assessmentId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Read one assessment")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    public AssessmentView get(@PathParam("clientId") UUID clientId, @PathParam("assessmentId") UUID assessmentId) {
        return AssessmentMapper.toView(assessments.get(clientId, assessmentId));
    }

    @Schema(name = "AssessmentPage")
    public record AssessmentPage(List<AssessmentView> items, int page, int size, long totalItems, int totalPages) {
    }
}
