package io.stipple.gallery.rest;

import jakarta.validation.constraints.Size;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.image.ImagePipeline;
import io.stipple.gallery.service.ImageProcessor;
import io.stipple.gallery.service.PhotoService;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Clients' photos: upload, list, read, delete, and private access to the image (streamed or by signed link). */
@Path("/api/v1/gallery/photos")
@Tag(name = "Photos", description = "Clinical before/after/healed photos of a client")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PhotoResource {

    @Inject
    PhotoService photos;

    @Inject
    ImageProcessor processor;

    @Inject
    Idempotency idempotency;

    /** The multipart form of an upload. All fields are text parts except {@code file}. */
    public static class UploadForm {
        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(required = true, example = "3f9c2a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f", format = "uuid")
        public String clientId;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(example = "7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f", format = "uuid", description = "Booking the photo was taken at")
        public String bookingId;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(example = "2", maxLength = 2, pattern = "^[0-9]{1,2}$", description = "Session number (1–20); taken from SessionCompleted when omitted")
        public String sessionNumber;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(required = true, enumeration = {"BEFORE", "AFTER", "HEALED"}, example = "BEFORE")
        public String phase;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(required = true, enumeration = {"FRONT", "TOP", "CROWN", "LEFT", "RIGHT", "BACK", "HAIRLINE",
                "DONOR_AREA", "SCAR_CLOSE_UP"}, example = "CROWN")
        public String angle;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(required = true, example = "2026-11-20T10:15:00Z", format = "date-time")
        public String takenAt;

        @RestForm("file")
        // OpenAPI 3.1's binary part: the file's bytes (its size is bounded by gallery.upload.max-size, not in characters)
        @Schema(required = true, contentMediaType = "application/octet-stream",
                description = "JPEG, PNG or WebP (recognised by content); at most gallery.upload.max-size (20 MB)")
        public FileUpload file;
    }

    /** What identifies "the same upload" for Idempotency-Key: the fields and the image's hash. */
    record UploadFingerprint(UUID clientId, UUID bookingId, Integer sessionNumber, Phase phase, Angle angle,
                             Instant takenAt, String sha256) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Upload a photo",
            description = "Staff and admins; a client for their own progress photos where the clinic allows it. "
                    + "The type is recognised from the content (JPEG, PNG, WebP); the image is re-encoded with "
                    + "orientation applied and all metadata removed; display and thumbnail renditions are derived. "
                    + "Needs the client's CLINICAL_PHOTOS consent. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = PhotoView.class)))
    @APIResponse(responseCode = "400", description = "A form field is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A client uploading for someone else, or client uploads disabled (`client-uploads-disabled`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Exact duplicate of a photo of this client (`duplicate-photo`, with `existingPhotoId`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the size limit (`payload-too-large`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP image (`unsupported-image-type`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Image refused: `image-dimensions-too-large` (more pixels or a longer side than accepted, or the image alone needs more than the instance's decode memory: `requiredBytes`, `decodeMemoryBytes`), `image-unreadable`, `image-active-content`; or `unknown-client` (no such client in the caller's clinic: never registered here, another clinic's, or erased), `clinical-photos-consent-required`, `booking-mismatch`", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Too many images being processed: no decode memory came free within 30 s (`gallery-busy`), or the heap ran out all the same (`image-too-complex`); with Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(UploadForm form,
                           @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retry safe") String idempotencyKey) {
        if (form == null || form.file == null) {
            throw ProblemException.invalidField("file", "must be an uploaded file part");
        }
        if (form.file.size() > processor.maxBytes()) {
            throw ImagePipeline.tooLarge(processor.maxBytes());
        }
        PhotoService.UploadCommand command = new PhotoService.UploadCommand(
                Params.requiredUuid("clientId", form.clientId),
                Params.optionalUuid("bookingId", form.bookingId),
                Params.optionalInt("sessionNumber", form.sessionNumber, 1, 20),
                Params.requiredEnum("phase", form.phase, Phase.class),
                Params.requiredEnum("angle", form.angle, Angle.class),
                Params.requiredInstant("takenAt", form.takenAt));
        byte[] data;
        try {
            data = Files.readAllBytes(form.file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("uploaded file cannot be read", e);
        }
        UploadFingerprint fingerprint = new UploadFingerprint(command.clientId(), command.bookingId(),
                command.sessionNumber(), command.phase(), command.angle(), command.takenAt(), ImagePipeline.sha256(data));
        return idempotency.execute(idempotencyKey, "POST /api/v1/gallery/photos", fingerprint, () -> {
            Photo photo = photos.upload(command, data);
            return Response.created(URI.create("/api/v1/gallery/photos/" + photo.id))
                    .header("ETag", ETags.of(photo.version))
                    .entity(PhotoMapper.toView(photo))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff self otherClient")
    @Operation(summary = "List photos", description = "The clinic's photos (a client token: only the client's own), oldest taken first.")
    @APIResponse(responseCode = "200", description = "A page of photos")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PhotoView> list(@QueryParam("clientId") @Parameter(description = "Only this client's photos") @Size(max = 36) String clientId,
                                @QueryParam("phase") @Parameter(description = "BEFORE, AFTER or HEALED") @Size(max = 40) String phase,
                                @QueryParam("angle") @Parameter(description = "e.g. CROWN") @Size(max = 40) String angle,
                                @BeanParam @Valid PageQuery page) {
        return photos.list(Params.optionalUuid("clientId", clientId), Params.optionalEnum("phase", phase, Phase.class),
                Params.optionalEnum("angle", angle, Angle.class), page).map(PhotoMapper::toView);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Get a photo's details")
    @APIResponse(responseCode = "200", description = "The photo", content = @Content(schema = @Schema(implementation = PhotoView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such photo in the caller's clinic (or not the client's own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PhotoView> get(@PathParam("id") UUID id) {
        Photo photo = photos.find(id).orElseThrow(() -> ProblemException.notFound("Photo " + id));
        return RestResponse.ResponseBuilder.ok(PhotoMapper.toView(photo)).header("ETag", ETags.of(photo.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Delete a photo", description = "Deletes the photo and its stored images; sets built from it are withdrawn (PhotoWithdrawn if public) and removed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such photo in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        if (!photos.delete(id)) {
            throw ProblemException.notFound("Photo " + id);
        }
    }

    @GET
    @Path("/{id}/content")
    @Produces({ImageResponses.JPEG, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Stream a photo (authorised)", description = "The re-encoded JPEG; every access is audited.")
    @APIResponse(responseCode = "200", description = "The image", content = @Content(mediaType = ImageResponses.JPEG, schema = @Schema(contentMediaType = ImageResponses.JPEG)))
    @APIResponse(responseCode = "400", description = "Unknown rendition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such photo in the caller's clinic (or not the client's own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response content(@PathParam("id") UUID id,
                                        @QueryParam("rendition") @Parameter(description = "full, display (default) or thumbnail") @Size(max = 40) String rendition) {
        Rendition r = rendition(rendition);
        PhotoService.PhotoContent content = photos.content(id, r).orElseThrow(() -> ProblemException.notFound("Photo " + id));
        return ImageResponses.privateImage(content.bytes(), filename(id, r));
    }

    @GET
    @Path("/{id}/signed-link")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Get a short-lived signed link to a photo",
            description = "For an <img> tag or a download without a bearer token. Valid for ttlSeconds (default 300, at most 900), "
                    + "dead as soon as the photo is deleted or the client erased. Issuing and every use are audited.")
    @APIResponse(responseCode = "200", description = "The link", content = @Content(schema = @Schema(implementation = SignedLinkView.class)))
    @APIResponse(responseCode = "400", description = "Unknown rendition or ttl out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such photo in the caller's clinic (or not the client's own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SignedLinkView> signedLink(@PathParam("id") UUID id,
                                                     @QueryParam("rendition") @Parameter(description = "full, display (default) or thumbnail") @Size(max = 40) String rendition,
                                                     @QueryParam("ttlSeconds") @Parameter(description = "Lifetime in seconds") @Size(max = 10) String ttlSeconds) {
        Integer ttl = Params.optionalInt("ttlSeconds", ttlSeconds, 1, Integer.MAX_VALUE);
        PhotoService.SignedLink link = photos.issueLink(id, rendition(rendition), ttl == null ? null : Duration.ofSeconds(ttl))
                .orElseThrow(() -> ProblemException.notFound("Photo " + id));
        return RestResponse.ResponseBuilder.ok(new SignedLinkView(link.url(), link.expiresAt()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Who accessed a photo", description = "Every stream, link issued and link used, oldest first. Admins only.")
    @APIResponse(responseCode = "200", description = "A page of access entries")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AccessLogEntryView> accessLog(@PathParam("id") UUID id, @BeanParam @Valid PageQuery page) {
        return photos.accessLog(id, page).map(PhotoMapper::toAccessLogView);
    }

    static Rendition rendition(String value) {
        Rendition r = Params.optionalEnum("rendition", value, Rendition.class);
        return r == null ? Rendition.DISPLAY : r;
    }

    static String filename(UUID id, Rendition rendition) {
        return "photo-" + id + "-" + rendition.name().toLowerCase(Locale.ROOT) + ".jpg";
    }
}
