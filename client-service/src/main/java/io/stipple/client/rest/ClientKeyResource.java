package io.stipple.client.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.client.service.ClientKeys;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Server to server only (not routed by the Ingress): a client's event key for the services that must open the
 * sealed personal fields of {@code stipple.clients} events (booking-service for names, notification-service for
 * contact details). Only their own service tokens are let through ({@code stipple.client-keys.readers}).
 */
@Path("/api/v1/internal/client-keys/{clinicId}/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Server-to-server operations for other Stipple services (service tokens only)")
@SecurityRequirement(name = "bearer")
public class ClientKeyResource {

    private static final Logger LOG = Logger.getLogger(ClientKeyResource.class);

    @Inject
    ClientKeys keys;

    @Inject
    Caller caller;

    @ConfigProperty(name = "stipple.client-keys.readers")
    Set<String> readers;

    @GET
    @RolesAllowed(Roles.SERVICE)
    @Extension(name = AccessRule.EXTENSION, value = AccessRule.SERVICE)
    @Operation(summary = "A client's event key (server to server)",
            description = "The key that opens the sealed personal fields of the client's events on stipple.clients "
                    + "(docs/EVENTS.md). Only the service tokens of booking-service and notification-service. 410 once "
                    + "the client is erased: the key is destroyed and the sealed fields can never be opened again.")
    @APIResponse(responseCode = "200", description = "The key (never cached: Cache-Control no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientKeyView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a service allowed to read client keys", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No key for this client in this clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The client was erased: the key is destroyed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("clinicId") UUID clinicId, @PathParam("clientId") UUID clientId) {
        String service = caller.serviceName().orElse(null);
        if (service == null || !readers.contains(service)) {
            throw ProblemException.forbidden("only the services that open sealed client fields may read client keys");
        }
        // a service token names no clinic: this one read runs as the clinic the event belongs to
        Optional<byte[]> key = Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew()
                .call(() -> keys.forReader(clinicId, clientId)));
        if (key.isEmpty()) {
            throw ProblemException.notFound("no key for client " + clientId + " in clinic " + clinicId);
        }
        LOG.debugf("%s read the key of client %s (clinic %s)", service, clientId, clinicId);
        return Response.ok(new ClientKeyView(clinicId, clientId, "A256GCM", Base64.getEncoder().encodeToString(key.get())))
                .header("Cache-Control", "no-store").build();
    }
}
