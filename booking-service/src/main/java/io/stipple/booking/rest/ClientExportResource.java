package io.stipple.booking.rest;

import io.stipple.booking.service.ClientExportService;
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

/** booking-service's part of a client's GDPR export (client-service assembles the whole archive). */
@Path("/api/v1/bookings/client-exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR export of what booking-service holds about a client")
@SecurityRequirement(name = OpenApiText.BEARER)
public class ClientExportResource {

    @Inject
    ClientExportService exports;

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Export everything booking-service holds about a client",
            description = "One JSON document: the client and plan facts learnt from client-service, every booking of the "
                    + "client (consultations included, in any state) and every session record. Staff of the clinic or "
                    + "the client themself. client-service's GET /api/v1/clients/{clientId}/export/archive includes it "
                    + "as booking-service.json.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingClientExport.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "booking-service holds nothing about this client the caller may see "
            + "(another clinic's or another client's, never registered in this clinic, or erased)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BookingClientExport export(@PathParam("clientId") UUID clientId) {
        return ClientExportMapper.view(exports.export(clientId));
    }
}
