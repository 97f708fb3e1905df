package io.stipple.gallery.rest;

import jakarta.validation.constraints.Size;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.service.PhotoService;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.AccessRule;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** Private photos through signed links (issued by {@code GET /photos/{id}/signed-link}); no bearer token needed. */
@Path("/api/v1/gallery/files")
@Tag(name = "Photos")
@PermitAll
public class SignedFileResource {

    @Inject
    PhotoService photos;

    @GET
    @Path("/{id}")
    @Produces({ImageResponses.JPEG, Problem.MEDIA_TYPE})
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "Open a signed link", description = "Valid until `expires`, while the photo exists; every use is audited.")
    @APIResponse(responseCode = "200", description = "The image", content = @Content(mediaType = ImageResponses.JPEG, schema = @Schema(contentMediaType = ImageResponses.JPEG)))
    @APIResponse(responseCode = "400", description = "Link parameters missing or malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Bad signature (`link-invalid`) or expired (`link-expired`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The photo was deleted or its client erased", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@PathParam("id") UUID id,
                                     @QueryParam("clinic") @Size(max = 36) String clinic,
                                     @QueryParam("rendition") @Size(max = 40) String rendition,
                                     @QueryParam("expires") @Size(max = 20) String expires,
                                     @QueryParam("link") @Size(max = 36) String link,
                                     @QueryParam("sig") @Size(max = 100) String sig) {
        Rendition r = PhotoResource.rendition(rendition);
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("expires", "must be the epoch second the link expires");
        }
        UUID clinicId = Params.requiredUuid("clinic", clinic);
        UUID linkId = Params.requiredUuid("link", link);
        if (sig == null || sig.isBlank()) {
            throw ProblemException.invalidField("sig", "must not be empty");
        }
        PhotoService.PhotoContent content = photos.openLink(clinicId, id, r, expiresAt, linkId, sig);
        return ImageResponses.privateImage(content.bytes(), PhotoResource.filename(id, r));
    }
}
