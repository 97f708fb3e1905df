package io.stipple.gallery.rest;

import jakarta.validation.constraints.Size;
import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Condition;
import io.stipple.gallery.domain.HairLossScale;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.service.PublicGalleryService;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Locale;
import java.util.UUID;

/**
 * The public gallery, no authentication: published sets only, filterable, cacheable for a short while (so a
 * withdrawal leaves shared caches within {@code gallery.public-gallery.max-age-seconds}). Never who the client is.
 */
@Path("/api/v1/gallery/public")
@Tag(name = "Public gallery", description = "Published before/after sets for the marketing front end; no authentication")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicGalleryResource {

    @Inject
    PublicGalleryService gallery;

    @Inject
    GalleryConfig config;

    @GET
    @Path("/sets")
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "List published sets", description = "Newest first. Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "A page of public sets")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging (`validation-failed`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Page<PublicSetView>> list(
            @QueryParam("treatmentType") @Parameter(description = "PERMANENT_SMP, TRICOPIGMENTATION or SCAR_CAMOUFLAGE") @Size(max = 40) String treatmentType,
            @QueryParam("condition") @Parameter(description = "e.g. ANDROGENETIC, ALOPECIA_AREATA, SCAR_FUT") @Size(max = 40) String condition,
            @QueryParam("scale") @Parameter(description = "NORWOOD or LUDWIG") @Size(max = 40) String scale,
            @QueryParam("stage") @Parameter(description = "Norwood 1–7 (e.g. 3V, 5A) or Ludwig I–III") @Size(max = 10) String stage,
            @QueryParam("skinType") @Parameter(description = "Fitzpatrick skin type 1–6") @Size(max = 10) String skinType,
            @QueryParam("clinicId") @Parameter(description = "Only this clinic's sets") @Size(max = 36) String clinicId,
            @QueryParam("angle") @Parameter(description = "e.g. CROWN") @Size(max = 40) String angle,
            @BeanParam @Valid PageQuery page) {
        String normalisedStage = stage == null || stage.isBlank() ? null : stage.trim().toUpperCase(Locale.ROOT);
        if (normalisedStage != null && HairLossScale.ofStage(normalisedStage).isEmpty()) {
            throw ProblemException.invalidField("stage", "must be a Norwood (1–7, e.g. 3V) or Ludwig (I–III) stage");
        }
        PublicGalleryService.Filter filter = new PublicGalleryService.Filter(
                Params.optionalEnum("treatmentType", treatmentType, TreatmentType.class),
                Params.optionalEnum("condition", condition, Condition.class),
                Params.optionalEnum("scale", scale, HairLossScale.class),
                normalisedStage,
                Params.optionalInt("skinType", skinType, 1, 6),
                Params.optionalUuid("clinicId", clinicId),
                Params.optionalEnum("angle", angle, Angle.class));
        Page<PublicSetView> result = gallery.list(filter, page).map(PublicSetMapper::toView);
        return RestResponse.ResponseBuilder.ok(result).header("Cache-Control", cacheControl()).build();
    }

    @GET
    @Path("/sets/{id}")
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "Get a published set")
    @APIResponse(responseCode = "200", description = "The set", content = @Content(schema = @Schema(implementation = PublicSetView.class)))
    @APIResponse(responseCode = "404", description = "No such published set (never published, or withdrawn)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PublicSetView> get(@PathParam("id") UUID id) {
        PhotoSet set = gallery.find(id).orElseThrow(() -> ProblemException.notFound("Set " + id));
        return RestResponse.ResponseBuilder.ok(PublicSetMapper.toView(set)).header("Cache-Control", cacheControl()).build();
    }

    @GET
    @Path("/sets/{id}/images/{slot}")
    @Produces({ImageResponses.JPEG, Problem.MEDIA_TYPE})
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "An image of a published set", description = "`before`, `after` (display size) or `composite` (side by side, labelled). Stops working the moment the set is withdrawn.")
    @APIResponse(responseCode = "200", description = "The JPEG (no metadata)", content = @Content(mediaType = ImageResponses.JPEG, schema = @Schema(contentMediaType = ImageResponses.JPEG)))
    @APIResponse(responseCode = "400", description = "Unknown slot", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published set", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response image(@PathParam("id") UUID id, @PathParam("slot") @Size(max = 20) String slot) {
        PublicGalleryService.Slot which = Params.requiredEnum("slot", slot, PublicGalleryService.Slot.class);
        byte[] bytes = gallery.image(id, which).orElseThrow(() -> ProblemException.notFound("Set " + id));
        return ImageResponses.publicImage(bytes, "stipple-" + id + "-" + which.name().toLowerCase(Locale.ROOT) + ".jpg",
                config.publicGallery().maxAgeSeconds());
    }

    private String cacheControl() {
        return "public, max-age=" + config.publicGallery().maxAgeSeconds();
    }
}
