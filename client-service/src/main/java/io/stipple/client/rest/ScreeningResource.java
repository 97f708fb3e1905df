package io.stipple.client.rest;

import io.stipple.client.domain.Screening;
import io.stipple.client.service.ScreeningService;
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

@Path("/api/v1/clients/{clientId}/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Screenings", description = "Medical screening and the eligibility derived from it (medical data: access is audited)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such client (or screening) visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScreeningResource {

    @Inject
    ScreeningService screenings;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Record a medical screening",
            description = "Eligibility is derived: NOT_ELIGIBLE for an active scalp infection, pregnancy, or a minor "
                    + "without a guardian's consent; NEEDS_REVIEW for keloid tendency, blood thinners, psoriasis or "
                    + "eczema, a pigment allergy; otherwise ELIGIBLE. Publishes ScreeningRecorded.")
    @APIResponse(responseCode = "201", description = "Recorded, with eligibility and reasons",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (every question must be answered)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "idempotency-key-reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("clientId") UUID clientId,
                           @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ScreeningRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/clients/" + clientId + "/screenings", request, () -> {
            Screening s = screenings.record(clientId, ScreeningMapper.toCommand(request));
            return Response.created(uriInfo.getAbsolutePathBuilder().path(s.id.toString()).build())
                    .tag(new EntityTag(Long.toString(s.version)))
                    .entity(ScreeningMapper.toView(s)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "A client's screenings, oldest first (the latest one counts)")
    @APIResponse(responseCode = "200", description = "A page of screenings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ScreeningView> history(@PathParam("clientId") UUID clientId, @BeanParam @Valid PageQuery page) {
        return screenings.history(clientId, page).map(ScreeningMapper::toView);
    }

    @GET
    @Path("{screeningId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Read one screening", description = "ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The screening",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningView.class)))
    public RestResponse<ScreeningView> get(@PathParam("clientId") UUID clientId, @PathParam("screeningId") UUID screeningId) {
        Screening s = screenings.get(clientId, screeningId);
        return RestResponse.ResponseBuilder.ok(ScreeningMapper.toView(s)).tag(new EntityTag(Long.toString(s.version))).build();
    }

    @POST
    @Path("{screeningId}/review")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Mark a screening reviewed",
            description = "A practitioner reviewed the findings of a NEEDS_REVIEW screening: treatment may then be agreed. "
                    + "Needs If-Match. Publishes ScreeningRecorded with reviewed=true.")
    @APIResponse(responseCode = "200", description = "Reviewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "screening-review-not-needed (not NEEDS_REVIEW) or screening-already-reviewed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ScreeningView> review(@PathParam("clientId") UUID clientId,
                                              @PathParam("screeningId") UUID screeningId,
                                              @HeaderParam("If-Match") String ifMatch,
                                              @Valid @NotNull ReviewRequest request) {
        long version = ETags.requireIfMatch(ifMatch);
        Screening s = screenings.review(clientId, screeningId, version, request.notes());
        return RestResponse.ResponseBuilder.ok(ScreeningMapper.toView(s)).tag(new EntityTag(Long.toString(s.version))).build();
    }

    @Schema(name = "ScreeningPage")
    public record ScreeningPage(List<ScreeningView> items, int page, int size, long totalItems, int totalPages) {
    }
}
