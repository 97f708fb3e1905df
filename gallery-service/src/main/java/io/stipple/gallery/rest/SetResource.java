package io.stipple.gallery.rest;

import jakarta.validation.constraints.Size;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.SetStatus;
import io.stipple.gallery.service.SetService;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Before/after sets and their moderation: draft → submitted (staff) → published (admin, with the client's consent)
 * → withdrawn. Every transition needs the set's current ETag in If-Match.
 */
@Path("/api/v1/gallery/sets")
@Tag(name = "Before/after sets", description = "Pairing photos and moderating what reaches the public gallery")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SetResource {

    @Inject
    SetService sets;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Pair two photos into a draft set",
            description = "A BEFORE photo and a later AFTER or HEALED photo of the same client and angle. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "These photos already form a set (`set-exists`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "`photo-not-found`, `unknown-client` (the photos' client is not a live client of this clinic) or `set-photos-mismatch` (client, angle, phases or order)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateSetRequest request,
                           @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retry safe") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/gallery/sets", request, () -> {
            PhotoSet set = sets.create(request.beforePhotoId(), request.afterPhotoId());
            return Response.created(URI.create("/api/v1/gallery/sets/" + set.id))
                    .header("ETag", ETags.of(set.version))
                    .entity(SetMapper.toView(set))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff self otherClient")
    @Operation(summary = "List sets", description = "The clinic's sets (a client token: only the client's own), oldest first; e.g. `status=SUBMITTED` is the moderation queue.")
    @APIResponse(responseCode = "200", description = "A page of sets")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SetView> list(@QueryParam("clientId") @Parameter(description = "Only this client's sets") @Size(max = 36) String clientId,
                              @QueryParam("status") @Parameter(description = "DRAFT, SUBMITTED, PUBLISHED or WITHDRAWN") @Size(max = 40) String status,
                              @BeanParam @Valid PageQuery page) {
        return sets.list(Params.optionalUuid("clientId", clientId), Params.optionalEnum("status", status, SetStatus.class), page)
                .map(SetMapper::toView);
    }

    @GET
    @Path("/suggestions")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Suggest before/after pairings for a client",
            description = "Per angle, the earliest BEFORE photo with the latest HEALED (else AFTER) photo taken after it, "
                    + "across the client's sessions; pairs that already form a set are left out.")
    @APIResponse(responseCode = "200", description = "A page of suggestions (possibly none), in angle order",
            content = @Content(schema = @Schema(implementation = SetSuggestionPageView.class)))
    @APIResponse(responseCode = "400", description = "clientId missing or not a UUID, or invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no such client (or it was erased)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SetSuggestionView> suggestions(@QueryParam("clientId") @Parameter(description = "The client") @Size(max = 36) String clientId,
                                                 @BeanParam @Valid PageQuery page) {
        java.util.List<SetSuggestionView> all = sets.suggestions(Params.requiredUuid("clientId", clientId)).stream()
                .map(SetMapper::toSuggestionView).toList();
        int from = (int) Math.min((long) page.page * page.size, all.size());
        return Page.of(all.subList(from, Math.min(from + page.size, all.size())), page, all.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Get a set")
    @APIResponse(responseCode = "200", description = "The set, with its ETag", content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SetView> get(@PathParam("id") UUID id) {
        return withEtag(sets.find(id), id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Submit a draft for moderation")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft (`invalid-set-transition`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (`stale-version`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SetView> submit(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = "The set's ETag") String ifMatch) {
        return withEtag(sets.submit(id, ETags.requireIfMatch(ifMatch)), id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Publish a submitted set (moderator)",
            description = "Needs the client's PUBLIC_GALLERY and CLINICAL_PHOTOS consent at this moment; publishes PhotoPublished.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not submitted (`invalid-set-transition`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (`stale-version`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No consent (`public-gallery-consent-required`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SetView> publish(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = "The set's ETag") String ifMatch) {
        return withEtag(sets.publish(id, ETags.requireIfMatch(ifMatch)), id);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Send a submitted set back to draft with a note (moderator)")
    @APIResponse(responseCode = "200", description = "Back to draft", content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "400", description = "Note missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not submitted (`invalid-set-transition`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (`stale-version`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SetView> reject(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = "The set's ETag") String ifMatch,
                                        @Valid @NotNull RejectSetRequest request) {
        return withEtag(sets.reject(id, ETags.requireIfMatch(ifMatch), request.note()), id);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Withdraw a set", description = "Takes it out of moderation or the public gallery for good; publishes PhotoWithdrawn (MODERATOR) if it was public.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn (`invalid-set-transition`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (`stale-version`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SetView> withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = "The set's ETag") String ifMatch) {
        return withEtag(sets.withdraw(id, ETags.requireIfMatch(ifMatch)), id);
    }

    @GET
    @Path("/{id}/composite")
    @Produces({ImageResponses.JPEG, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "The side-by-side before/after image (authorised)", description = "Labelled, rendered on first request and cached; audited.")
    @APIResponse(responseCode = "200", description = "The composite JPEG", content = @Content(mediaType = ImageResponses.JPEG, schema = @Schema(contentMediaType = ImageResponses.JPEG)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such set in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response composite(@PathParam("id") UUID id) {
        byte[] bytes = sets.privateComposite(id).orElseThrow(() -> ProblemException.notFound("Set " + id));
        return ImageResponses.privateImage(bytes, "set-" + id + "-composite.jpg");
    }

    private static RestResponse<SetView> withEtag(Optional<PhotoSet> set, UUID id) {
        PhotoSet found = set.orElseThrow(() -> ProblemException.notFound("Set " + id));
        return RestResponse.ResponseBuilder.ok(SetMapper.toView(found)).header("ETag", ETags.of(found.version)).build();
    }
}
