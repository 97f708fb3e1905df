package io.stipple.client.rest;

import io.stipple.client.domain.Partner;
import io.stipple.client.service.PartnerService;
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
import jakarta.validation.constraints.Size;
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

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "The clinic's registered partners: the only partners a client can share with "
        + "and whose tokens any Stipple service accepts (while ACTIVE)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PartnerResource {

    @Inject
    PartnerService partners;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Register a partner",
            description = "Admins of the clinic. Active at once: its tokens are accepted and clients may share with it. "
                    + "Publishes PartnerRegistered. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. a partnerId that is not a partner id)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "partner-exists: already registered by the clinic; or idempotency-key-in-use",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @Parameter(description = "Makes retries safe: the first response is replayed")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PartnerRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/partners", request, () -> {
            Partner partner = partners.register(PartnerMapper.toCommand(request));
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/partners").path(partner.partnerId).build())
                    .tag(etag(partner))
                    .entity(PartnerMapper.toView(partner))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff")
    @Operation(summary = "The clinic's partners", description = "First registered first. Staff and admins of the clinic.")
    @APIResponse(responseCode = "200", description = "A page of partners",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PartnerView> list(@BeanParam @Valid PageQuery page) {
        return partners.list(page).map(PartnerMapper::toView);
    }

    @GET
    @Path("{partnerId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Read a partner", description = "ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "The clinic registered no such partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PartnerView> get(
            @Parameter(description = "The partner id", example = "acme-hair") @PathParam("partnerId") @Size(max = 100) String partnerId) {
        Partner partner = partners.get(partnerId);
        return RestResponse.ResponseBuilder.ok(PartnerMapper.toView(partner)).tag(etag(partner)).build();
    }

    @PUT
    @Path("{partnerId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Rename, suspend, revoke or reactivate a partner",
            description = "Admins of the clinic; needs If-Match with the current ETag. A SUSPENDED or REVOKED partner's "
                    + "tokens are refused by every service and it sees no client, whatever was consented; consents "
                    + "are kept and count again once it is ACTIVE. Publishes PartnerUpdated.")
    @APIResponse(responseCode = "200", description = "Updated; new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The clinic registered no such partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version: changed since it was read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PartnerView> update(
            @Parameter(description = "The partner id", example = "acme-hair") @PathParam("partnerId") @Size(max = 100) String partnerId,
            @Parameter(description = "The ETag read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PartnerUpdateRequest request) {
        long version = ETags.requireIfMatch(ifMatch);
        Partner partner = partners.update(partnerId, version, PartnerMapper.toCommand(request));
        return RestResponse.ResponseBuilder.ok(PartnerMapper.toView(partner)).tag(etag(partner)).build();
    }

    static EntityTag etag(Partner partner) {
        return new EntityTag(String.valueOf(partner.version));
    }

    @Schema(name = "PartnerPage")
    public record PartnerPage(List<PartnerView> items, int page, int size, long totalItems, int totalPages) {
    }
}
