package io.stipple.client.rest;

import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.service.ConsentService;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Treatment, clinical photos, public gallery, marketing and partner sharing: "
        + "granted and withdrawn with time, text version and who recorded it (access is audited)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such client visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "The current state of every consent")
    @APIResponse(responseCode = "200", description = "Per scope: granted or not, since when, which text version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentsView.class)))
    public ConsentsView current(@PathParam("clientId") UUID clientId) {
        return ConsentMapper.toView(clientId, consents.current(clientId));
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "Every grant and withdrawal, oldest first")
    @APIResponse(responseCode = "200", description = "A page of consent records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ConsentView> history(@PathParam("clientId") UUID clientId, @BeanParam @Valid PageQuery page) {
        return consents.history(clientId, page).map(ConsentMapper::toView);
    }

    @GET
    @Path("history/{consentId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.PARTNER, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self sharedPartner")
    @Operation(summary = "One grant or withdrawal",
            description = "The record a grant or withdrawal created (its Location). Audited like the history.")
    @APIResponse(responseCode = "200", description = "The consent record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    public ConsentView record(@PathParam("clientId") UUID clientId, @PathParam("consentId") UUID consentId) {
        return ConsentMapper.toView(consents.record(clientId, consentId));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Grant a consent",
            description = "Staff of the clinic or the client themself. PARTNER_SHARING names an ACTIVE partner "
                    + "registered by the clinic. Publishes ConsentGranted.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the record (GET history/{consentId})",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (partnerId missing for PARTNER_SHARING or given for another scope)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-partner: PARTNER_SHARING names no ACTIVE partner registered by the clinic; or idempotency-key-reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response grant(@PathParam("clientId") UUID clientId,
                          @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                          @Valid @NotNull ConsentGrantRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/clients/" + clientId + "/consents", request,
                () -> created(clientId, consents.grant(clientId, ConsentMapper.toCommand(request))));
    }

    @POST
    @Path("withdrawals")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Withdraw a consent",
            description = "Takes effect at once. Staff of the clinic or the client themself. Publishes ConsentWithdrawn.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the record (GET history/{consentId})",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "consent-not-granted: nothing to withdraw; or idempotency-key-reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("clientId") UUID clientId,
                             @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull ConsentWithdrawalRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/clients/" + clientId + "/consents/withdrawals", request,
                () -> created(clientId, consents.withdraw(clientId, ConsentMapper.toCommand(request))));
    }

    /** 201 with the record and its Location ({@code history/{consentId}}), like every other create. */
    private Response created(UUID clientId, ConsentRecord record) {
        return Response.created(uriInfo.getBaseUriBuilder().path("/api/v1/clients/{clientId}/consents/history/{consentId}")
                .build(clientId, record.id)).entity(ConsentMapper.toView(record)).build();
    }

    @Schema(name = "ConsentPage")
    public record ConsentPage(List<ConsentView> items, int page, int size, long totalItems, int totalPages) {
    }
}
