package io.stipple.notification.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.notification.service.ClientExportService;
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

/** notification-service's part of a client's GDPR export (client-service assembles the whole archive). */
@Path("/api/v1/notifications/client-exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR export of what notification-service holds about a client")
@SecurityRequirement(name = "bearer")
public class ClientExportResource {

    @Inject
    ClientExportService exports;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Export everything notification-service holds about a client",
            description = "One JSON document: contact details and preferences, the client's bookings as announced by "
                    + "booking-service, every reminder with the address it went to (the delivery log) and every partner "
                    + "webhook delivery about the client with its recipient. Staff of the clinic or the client themself. "
                    + "client-service's GET /api/v1/clients/{clientId}/export/archive includes it as notification-service.json.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientExportView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "notification-service holds nothing about this client the caller may see "
            + "(another clinic's or another client's, never registered in this clinic, or erased)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientExportView export(@PathParam("clientId") UUID clientId) {
        return ClientExportMapper.toView(exports.export(clientId), json);
    }
}
