package io.stipple.client.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.client.service.ExportArchiveService;
import io.stipple.client.service.ExportPartsClient.Forwarded;
import io.stipple.client.service.PrivacyService;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

/** The GDPR export across the four services, as one archive (client-service's own part alone: {@link PrivacyResource}). */
@Path("/api/v1/clients/{clientId}/export/archive")
@Tag(name = "Privacy", description = "GDPR export and erasure, and the access audit")
@SecurityRequirement(name = "bearer")
public class ExportArchiveResource {

    @Inject
    PrivacyService privacy;

    @Inject
    ExportArchiveService archives;

    @Inject
    ObjectMapper json;

    @GET
    @Produces({ExportArchiveService.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Download everything Stipple holds about a client, from every service, as one archive",
            description = "A ZIP archive (GDPR Art. 15 and 20): manifest.json (format stipple-client-export/1, client and "
                    + "clinic ids, generatedAt, per service its status INCLUDED or NOTHING_HELD, file, SHA-256 and a "
                    + "description, and per photo its file and SHA-256), client-service.json (as GET /export), "
                    + "booking-service.json, gallery-service.json, notification-service.json (each service's own export "
                    + "of the client, fetched with the caller's token) and photos/<photoId>.jpg with each photo's "
                    + "full-size image. Staff of the clinic or the client themself. Audited. If a service cannot give "
                    + "its part the answer is 503 with Retry-After, never an archive without it.")
    @APIResponse(responseCode = "200", description = "The archive",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"stipple-export-<clientId>.zip\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 80)),
            // OpenAPI 3.1's binary body: the raw bytes of the media type (no string, so no character length to declare)
            content = @Content(mediaType = ExportArchiveService.MEDIA_TYPE, schema = @Schema(contentMediaType = ExportArchiveService.MEDIA_TYPE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "A service refused or garbled its part (export-part-refused); no archive was made", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A service holding the client's data could not give its part in time (export-unavailable, names the service); no archive was made. Retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response archive(@PathParam("clientId") UUID clientId, @Context HttpHeaders headers) {
        UUID clinicId = privacy.exportable(clientId);
        String correlation = Correlation.current() != null ? Correlation.current()
                : Correlation.acceptOrCreate(headers.getHeaderString(Correlation.HTTP_HEADER));
        Forwarded forwarded = new Forwarded(headers.getHeaderString(HttpHeaders.AUTHORIZATION), correlation);
        ExportArchiveService.Archive archive = archives.build(clinicId, clientId, forwarded,
                () -> serialize(PrivacyResource.toExport(clientId, privacy.export(clientId, PrivacyService.ARCHIVE))));
        StreamingOutput body = out -> {
            try {
                Files.copy(archive.file(), out);
            } finally {
                Files.deleteIfExists(archive.file());
            }
        };
        return Response.ok(body, ExportArchiveService.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + archive.filename() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private byte[] serialize(ClientExport export) {
        try {
            return json.writeValueAsBytes(export);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
