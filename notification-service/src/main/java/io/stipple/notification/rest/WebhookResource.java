package io.stipple.notification.rest;

import jakarta.validation.constraints.Size;
import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.notification.service.WebhookService;
import io.stipple.platform.idempotency.Idempotency;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Partner webhook subscriptions of the caller's clinic and their delivery logs. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Event deliveries to partner endpoints, signed the Standard Webhooks way (webhook-id, "
        + "webhook-timestamp, webhook-signature; whsec_ secrets, rotation with an overlap window). The Stipple-Signature "
        + "header is deprecated and sent for one more version.")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER})
public class WebhookResource {

    @Inject
    Caller caller;

    @Inject
    WebhookService webhooks;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = AccessRule.EXTENSION, value = "admin sharedPartner unsharedPartner otherClinicPartner")
    @Operation(summary = "Subscribe an endpoint to event types",
            description = "Each delivery is a POST with the JSON event signed the Standard Webhooks way "
                    + "(https://www.standardwebhooks.com): `webhook-id` (the delivery id, the same on every retry), "
                    + "`webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256(key, id + \".\" + "
                    + "timestamp + \".\" + body)>`, the key being the base64-decoded part of the `whsec_` secret — verify with "
                    + "any Standard Webhooks library. Deprecated, sent for one more version: `Stipple-Signature: t=<unix>,"
                    + "v1=<hex HMAC-SHA256(secret text, t + \".\" + body)>`. Failures are retried with exponential backoff, "
                    + "then the delivery is dead. The secret is in this answer only. Targets on private, loopback or "
                    + "link-local addresses are refused. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or unknown event type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Same Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Target not allowed (webhook-target-not-allowed), subscription limit, or Idempotency-Key reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Partner rate limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull WebhookSubscriptionRequest body,
                           @Context UriInfo uri) {
        WebhookService.Subscriber subscriber = subscriber();
        return idempotency.execute(idempotencyKey, "POST /api/v1/webhooks", body, () -> {
            WebhookSubscription created = webhooks.create(subscriber, WebhookMapper.toCommand(body));
            return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                    .entity(WebhookMapper.toCreatedView(created, clock.instant()))
                    .header("ETag", ETags.of(created.version))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        });
    }

    @GET
    @Extension(name = AccessRule.EXTENSION, value = "admin sharedPartner unsharedPartner otherClinicPartner")
    @Operation(summary = "List the webhook subscriptions the caller manages",
            description = "Oldest first. An admin: all of the clinic's; a partner: only its own.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions (without secrets)")
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WebhookSubscriptionView> list(@BeanParam @Valid PageQuery page) {
        Instant now = clock.instant();
        return webhooks.list(subscriber(), page).map(s -> WebhookMapper.toView(s, now));
    }

    @GET
    @Path("/event-types")
    @Extension(name = AccessRule.EXTENSION, value = "admin sharedPartner unsharedPartner otherClinicPartner")
    @Operation(summary = "Event types a subscription can choose")
    @APIResponse(responseCode = "200", description = "The event type names", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookEventTypeName.class, maxItems = 20)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<String> eventTypes() {
        return WebhookService.EVENT_TYPES.stream().sorted().toList();
    }

    @GET
    @Path("/{id}")
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Get a webhook subscription")
    @APIResponse(responseCode = "200", description = "The subscription; ETag header for updates")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription among those the caller manages (a partner: its own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookSubscriptionView> get(@PathParam("id") UUID id) {
        WebhookSubscription s = webhooks.find(subscriber(), id).orElseThrow(() -> ProblemException.notFound("Webhook subscription"));
        return RestResponse.ResponseBuilder.ok(WebhookMapper.toView(s, clock.instant())).header("ETag", ETags.of(s.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Replace a subscription's target, event types and state", description = "Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription among those the caller manages (a partner: its own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Target not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookSubscriptionView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                        @Valid @NotNull WebhookSubscriptionUpdate body) {
        long expected = ETags.requireIfMatch(ifMatch);
        WebhookSubscription s = webhooks.update(subscriber(), id, expected, WebhookMapper.toCommand(body));
        return RestResponse.ResponseBuilder.ok(WebhookMapper.toView(s, clock.instant())).header("ETag", ETags.of(s.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Delete a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription among those the caller manages (a partner: its own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        if (!webhooks.delete(subscriber(), id)) throw ProblemException.notFound("Webhook subscription");
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Rotate a subscription's signing secret",
            description = "Makes a new Standard Webhooks `whsec_` secret, shown in this answer only. The secret before it keeps "
                    + "signing every delivery for the overlap window (`notification.webhooks.secret-rotation-overlap`, 24 h): "
                    + "meanwhile `webhook-signature` carries `v1,<new> v1,<previous>` (and the deprecated `Stipple-Signature` "
                    + "`t=..,v1=<new>,v1=<previous>`), afterwards only the new one. A subscription whose secret predates "
                    + "Standard Webhooks signing (`secretScheme` LEGACY) gets `webhook-signature` only once rotated. Rotating "
                    + "again during an overlap replaces only the new secret: the one from before the first rotation stays "
                    + "valid until its overlap ends, so a rotation whose answer was lost can be repeated safely.")
    @APIResponse(responseCode = "200", description = "The new secret; ETag of the subscription's new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSecretRotationView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription among those the caller manages (a partner: its own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookSecretRotationView> rotateSecret(@PathParam("id") UUID id) {
        WebhookSubscription s = webhooks.rotateSecret(subscriber(), id);
        return RestResponse.ResponseBuilder.ok(WebhookMapper.toRotationView(s)).header("ETag", ETags.of(s.version))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "List a subscription's deliveries", description = "Oldest first; filter by status (e.g. DEAD).")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Bad status or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription among those the caller manages (a partner: its own)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WebhookDeliveryView> deliveries(@PathParam("id") UUID id,
                                                @Parameter(description = "PENDING, SENDING, DELIVERED, DEAD or CANCELLED")
                                                @QueryParam("status") @Size(max = 9) @Pattern(regexp = "PENDING|SENDING|DELIVERED|DEAD|CANCELLED") String status,
                                                @BeanParam @Valid PageQuery page) {
        return webhooks.deliveries(subscriber(), id, status, page).map(WebhookMapper::toView);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Get one delivery")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookDeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.delivery(subscriber(), id, deliveryId).map(WebhookMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery"));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(202)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Redeliver a dead or delivered delivery",
            description = "Queues it at once with a fresh set of attempts; the body is the same, the signature is new.")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still pending (webhook-delivery-in-progress)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Cancelled deliveries cannot be redelivered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookDeliveryView redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return WebhookMapper.toView(webhooks.redeliver(subscriber(), id, deliveryId));
    }

    /** An admin acts for the clinic (all its subscriptions); a partner for itself (only its own). */
    private WebhookService.Subscriber subscriber() {
        if (caller.isAdmin()) return WebhookService.Subscriber.admin(caller.clinicId());
        String partnerId = caller.partnerId().orElseThrow(() -> ProblemException.forbidden("the token names no partner"));
        return WebhookService.Subscriber.partner(caller.clinicId(), partnerId);
    }
}
