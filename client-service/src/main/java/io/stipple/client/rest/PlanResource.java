package io.stipple.client.rest;

import io.stipple.client.domain.TreatmentPlan;
import io.stipple.client.service.PlanService;
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

@Path("/api/v1/clients/{clientId}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Treatment plans", description = "Proposed → agreed → in progress → completed, or cancelled")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such client (or plan) visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Propose a treatment plan",
            description = "Planned sessions default 3 (1-6); healing interval default 7 days, below 7 only by an admin with a reason.")
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "healing-interval-override-required, or idempotency-key-reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@PathParam("clientId") UUID clientId,
                            @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Valid @NotNull PlanRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/clients/" + clientId + "/plans", request, () -> {
            TreatmentPlan p = plans.propose(clientId, PlanMapper.toCommand(request));
            return Response.created(uriInfo.getAbsolutePathBuilder().path(p.id.toString()).build())
                    .tag(etag(p)).entity(PlanMapper.toView(p)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "A client's plans, oldest first")
    @APIResponse(responseCode = "200", description = "A page of plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PlanView> list(@PathParam("clientId") UUID clientId, @BeanParam @Valid PageQuery page) {
        return plans.list(clientId, page).map(PlanMapper::toView);
    }

    @GET
    @Path("{planId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Read a plan", description = "ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public RestResponse<PlanView> get(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId) {
        return ok(plans.get(clientId, planId));
    }

    @PUT
    @Path("{planId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Change a proposed plan's terms",
            description = "Needs If-Match. Changing the hairline design notes clears their sign-off.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "invalid-plan-transition: only a proposed plan can be edited", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "healing-interval-override-required", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlanView> update(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId,
                                         @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PlanRequest request) {
        return ok(plans.update(clientId, planId, ETags.requireIfMatch(ifMatch), PlanMapper.toCommand(request)));
    }

    @POST
    @Path("{planId}/hairline-sign-off")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Sign off the hairline design", description = "Records who signed it off and when. If-Match optional.")
    @APIResponse(responseCode = "200", description = "Signed off", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "invalid-plan-transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "hairline-design-missing: no design notes to sign off", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlanView> signOff(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId,
                                          @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.signOffHairline(clientId, planId, optionalVersion(ifMatch)));
    }

    @POST
    @Path("{planId}/agreement")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Agree the plan",
            description = "Needs a current TREATMENT consent, a latest screening that is ELIGIBLE (or NEEDS_REVIEW and "
                    + "reviewed), an assessment, and no other agreed or running plan. Publishes TreatmentPlanAgreed.")
    @APIResponse(responseCode = "200", description = "Agreed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "invalid-plan-transition or active-plan-exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "treatment-consent-missing, screening-missing, client-not-eligible, "
            + "screening-review-pending or assessment-missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlanView> agree(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId,
                                        @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.agree(clientId, planId, optionalVersion(ifMatch)));
    }

    @POST
    @Path("{planId}/start")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Mark an agreed plan in progress")
    @APIResponse(responseCode = "200", description = "In progress", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "invalid-plan-transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlanView> start(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId,
                                        @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.start(clientId, planId, optionalVersion(ifMatch)));
    }

    @POST
    @Path("{planId}/completion")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Complete an agreed or running plan", description = "Publishes TreatmentPlanCompleted.")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "invalid-plan-transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlanView> complete(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId,
                                           @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.complete(clientId, planId, optionalVersion(ifMatch)));
    }

    @POST
    @Path("{planId}/cancellation")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Cancel an open plan", description = "Publishes TreatmentPlanCancelled with the reason.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "invalid-plan-transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlanView> cancel(@PathParam("clientId") UUID clientId, @PathParam("planId") UUID planId,
                                         @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CancelPlanRequest request) {
        return ok(plans.cancel(clientId, planId, optionalVersion(ifMatch), request.reason()));
    }

    private static Long optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
    }

    private static EntityTag etag(TreatmentPlan p) {
        return new EntityTag(Long.toString(p.version));
    }

    private static RestResponse<PlanView> ok(TreatmentPlan p) {
        return RestResponse.ResponseBuilder.ok(PlanMapper.toView(p)).tag(etag(p)).build();
    }

    @Schema(name = "PlanPage")
    public record PlanPage(List<PlanView> items, int page, int size, long totalItems, int totalPages) {
    }
}
