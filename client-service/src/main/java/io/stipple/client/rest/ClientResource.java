package io.stipple.client.rest;

import io.stipple.client.domain.Client;
import io.stipple.client.service.ClientService;
import io.stipple.client.service.PrivacyService;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "Client records: contact details and preferences")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClientResource {

    @Inject
    ClientService clients;

    @Inject
    PrivacyService privacy;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff")
    @Operation(summary = "Register a client",
            description = "Email must be unique in the clinic, phone too (normalised to E.164). Publishes ClientRegistered. "
                    + "Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (field named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "duplicate-client (existingClientId names it) or idempotency-key-in-use",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @Parameter(description = "Makes retries safe: the first response is replayed")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ClientRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/clients", request, () -> {
            Client client = clients.register(ClientMapper.toCommand(request));
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/clients").path(client.id.toString()).build())
                    .tag(etag(client))
                    .entity(ClientMapper.toView(client))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff self otherClient sharedPartner unsharedPartner otherClinicPartner")
    @Operation(summary = "List and search clients",
            description = "Staff see their clinic's clients, a partner those shared with it, a client only themself. "
                    + "Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of clients",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging or phone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ClientView> search(
            @Parameter(description = "Part of the first or last name, case-insensitive") @QueryParam("name") @Size(max = 100) String name,
            @Parameter(description = "Exact email (case-insensitive)") @QueryParam("email") @Size(max = 254) String email,
            @Parameter(description = "Exact phone in international form") @QueryParam("phone") @Size(max = 30) String phone,
            @BeanParam @Valid PageQuery page) {
        return clients.search(name, email, phone, page).map(ClientMapper::toView);
    }

    @GET
    @Path("{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Read a client", description = "ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "404", description = "No such client, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ClientView> get(@PathParam("clientId") UUID clientId) {
        Client client = clients.get(clientId);
        return RestResponse.ResponseBuilder.ok(ClientMapper.toView(client)).tag(etag(client)).build();
    }

    @PUT
    @Path("{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Replace a client's details",
            description = "Needs If-Match with the current ETag. Publishes ClientUpdated.")
    @APIResponse(responseCode = "200", description = "Updated; new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "duplicate-client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "stale-version: changed since it was read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ClientView> update(@PathParam("clientId") UUID clientId,
                                           @Parameter(description = "The ETag read") @HeaderParam("If-Match") String ifMatch,
                                           @Valid @NotNull ClientRequest request) {
        long version = ETags.requireIfMatch(ifMatch);
        Client client = clients.update(clientId, version, ClientMapper.toCommand(request));
        return RestResponse.ResponseBuilder.ok(ClientMapper.toView(client)).tag(etag(client)).build();
    }

    @DELETE
    @Path("{clientId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Erase a client (GDPR)",
            description = "Removes the client and all their data here, scrubs the audit log and stored events, and "
                    + "publishes ClientErased so every other service purges theirs. Admins only.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such client in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void erase(@PathParam("clientId") UUID clientId) {
        privacy.erase(clientId);
    }

    static EntityTag etag(Client client) {
        return new EntityTag(Long.toString(client.version));
    }

    /** For the OpenAPI document only. */
    @Schema(name = "ClientPage")
    public record ClientPage(java.util.List<ClientView> items, int page, int size, long totalItems, int totalPages) {
    }
}
