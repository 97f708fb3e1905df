package io.stipple.client.rest;

import io.stipple.client.service.PrivacyService;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR export and erasure, and the access audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    PrivacyService privacy;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Who read or changed the client's medical data and consents",
            description = "Admins of the clinic only; oldest first. Still readable after erasure, without personal content.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AuditEntryView> audit(@PathParam("clientId") UUID clientId, @BeanParam @Valid PageQuery page) {
        return privacy.auditTrail(clientId, page).map(AuditMapper::toView);
    }

    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditEntryView> items, int page, int size, long totalItems, int totalPages) {
    }
}
