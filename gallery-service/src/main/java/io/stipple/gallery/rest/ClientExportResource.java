package io.stipple.gallery.rest;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.CompletedSession;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.service.ClientExportService;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** gallery-service's part of a client's GDPR export (client-service assembles the whole archive). */
@Path("/api/v1/gallery/client-exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR export of what gallery-service holds about a client")
@SecurityRequirement(name = "bearer")
public class ClientExportResource {

    @Inject
    ClientExportService exports;

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Export everything gallery-service holds about a client",
            description = "One JSON document: the consent and profile projection, every photo's metadata (with the path "
                    + "its full-size image is streamed from), the before/after sets, the completed sessions and the access "
                    + "log of the client's images. Staff of the clinic or the client themself. client-service's "
                    + "GET /api/v1/clients/{clientId}/export/archive includes it as gallery-service.json, with the images.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientExportView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "gallery-service holds nothing about this client the caller may see "
            + "(another clinic's or another client's, never registered in this clinic, or erased)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientExportView export(@PathParam("clientId") UUID clientId) {
        ClientExportService.Snapshot s = exports.export(clientId);
        return new ClientExportView(s.at(), s.clinicId(), s.profile().clientId, profile(s.profile()),
                s.photos().stream().map(ClientExportResource::photo).toList(),
                s.sets().stream().map(SetMapper::toView).toList(),
                s.sessions().stream().map(ClientExportResource::session).toList(),
                s.accessLog().stream().map(ClientExportResource::access).toList());
    }

    private static ClientExportView.Profile profile(ClientProfile p) {
        return new ClientExportView.Profile(p.clinicalPhotosConsent, p.clinicalPhotosConsentAt, p.publicGalleryConsent,
                p.publicGalleryConsentAt, p.condition, p.scale, p.stage, p.fitzpatrickType, p.assessedAt, p.treatmentType,
                p.updatedAt);
    }

    private static ClientExportView.ExportedPhoto photo(Photo p) {
        return new ClientExportView.ExportedPhoto(p.id, p.bookingId, p.sessionNumber, p.phase, p.angle, p.takenAt,
                p.uploadedAt, p.uploadedBy, p.sourceFormat, p.contentSha256, p.width, p.height, p.fullBytes,
                "/api/v1/gallery/photos/" + p.id + "/content?rendition=full");
    }

    private static ClientExportView.Session session(CompletedSession s) {
        return new ClientExportView.Session(s.bookingId, s.planId, s.sessionNumber, s.treatmentType, s.completedAt);
    }

    private static ClientExportView.Access access(AccessAuditEntry e) {
        return new ClientExportView.Access(e.id, e.action, e.photoId, e.setId, e.rendition, e.actor, e.actorRole,
                e.correlationId, e.accessedAt);
    }
}
