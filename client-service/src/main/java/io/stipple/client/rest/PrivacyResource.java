package io.stipple.client.rest;

import io.stipple.client.domain.ConsentState;
import io.stipple.client.service.PrivacyService;
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

/**
 * GDPR export of client-service's own data (erasure is DELETE on the client, see {@link ClientResource#erase}; the
 * archive across the four services is {@link ExportArchiveResource}).
 */
@Path("/api/v1/clients/{clientId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR export and erasure, and the access audit")
@SecurityRequirement(name = "bearer")
public class PrivacyResource {

    @Inject
    PrivacyService privacy;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Export everything held about a client",
            description = "One JSON document: details, assessments, screenings, consents and their history, plans, "
                    + "access log. Staff of the clinic or the client themself. Audited.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientExport.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientExport export(@PathParam("clientId") UUID clientId) {
        return toExport(clientId, privacy.export(clientId));
    }

    /** The one mapping of a client's data to the export document (also client-service.json of the archive). */
    static ClientExport toExport(UUID clientId, PrivacyService.Snapshot s) {
        return new ClientExport(s.at(), ClientMapper.toView(s.client()),
                s.assessments().stream().map(AssessmentMapper::toView).toList(),
                s.screenings().stream().map(ScreeningMapper::toView).toList(),
                ConsentMapper.toView(clientId, ConsentState.of(s.consentHistory())),
                s.consentHistory().stream().map(ConsentMapper::toView).toList(),
                s.plans().stream().map(PlanMapper::toView).toList(),
                s.accessLog().stream().map(AuditMapper::toView).toList());
    }
}
