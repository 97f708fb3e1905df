package io.stipple.notification.rest;

import jakarta.validation.constraints.Size;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.service.DeliveryLogService;
import io.stipple.notification.service.UncertainDeliveryService;
import io.stipple.notification.service.PreferenceService;
import io.stipple.notification.service.PreviewService;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/** The delivery log, previews and client notification preferences. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Delivery log of reminders, previews and client preferences")
@SecurityRequirement(name = "bearer")
public class NotificationResource {

    @Inject
    UncertainDeliveryService uncertain;

    @Inject
    Caller caller;

    @Inject
    DeliveryLogService log;

    @Inject
    PreviewService previews;

    @Inject
    PreferenceService preferences;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff self otherClient")
    @Operation(summary = "List the delivery log",
            description = "Reminders of the caller's clinic (a client token: only its own), oldest first, filterable by client, "
                    + "booking, status, type and channel.")
    @APIResponse(responseCode = "200", description = "A page of log entries")
    @APIResponse(responseCode = "400", description = "Bad filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<NotificationView> list(@QueryParam("clientId") UUID clientId, @QueryParam("bookingId") UUID bookingId,
                                       @Parameter(description = "SCHEDULED, SENDING, SENT, FAILED, CANCELLED, SUPPRESSED or UNCERTAIN (handed to a "
                                               + "channel that did not confirm it; never sent again automatically)",
                                               schema = @Schema(implementation = ReminderStatus.class))
                                       @QueryParam("status") String status,
                                       @Parameter(description = "A reminder type, e.g. APPOINTMENT_REMINDER", schema = @Schema(implementation = ReminderType.class)) @QueryParam("type") String type,
                                       @Parameter(description = "EMAIL, SMS or PUSH", schema = @Schema(implementation = Channel.class)) @QueryParam("channel") String channel,
                                       @BeanParam @Valid PageQuery page) {
        UUID client = clientId;
        if (caller.isClient()) {
            UUID own = caller.clientId().orElseThrow(() -> ProblemException.forbidden("the token names no client"));
            if (clientId != null && !clientId.equals(own)) throw ProblemException.notFound("Client");
            client = own;
        }
        var filter = new DeliveryLogService.Filter(client, bookingId, QueryParams.enumValue(ReminderStatus.class, "status", status),
                QueryParams.enumValue(ReminderType.class, "type", type), QueryParams.enumValue(Channel.class, "channel", channel));
        return log.list(caller.clinicId(), filter, page)
                .map(NotificationMapper::toView);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Get one delivery log entry")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entry in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView get(@PathParam("id") UUID id) {
        return log.find(caller.clinicId(), id)
                .filter(r -> !caller.isClient() || (r.clientId != null && caller.mayAccessClient(r.clientId)))
                .map(NotificationMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("Notification"));
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Resolve an UNCERTAIN delivery",
            description = "A reminder handed to a channel that does not deduplicate (email) and never confirmed is UNCERTAIN "
                    + "and is not sent again automatically. Staff who know better record DELIVERED, or RESEND it now. "
                    + "Only an UNCERTAIN reminder can be resolved (409 not-uncertain otherwise).")
    @APIResponse(responseCode = "200", description = "The entry as it now stands")
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entry in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "not-uncertain: the entry is not UNCERTAIN (already resolved, or never was)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView resolve(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest body) {
        return NotificationMapper.toView(uncertain.resolve(caller.clinicId(), id, body.outcome()));
    }

    @GET
    @Path("/preview")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff")
    @Operation(summary = "Preview a reminder for a booking",
            description = "Renders the template of a reminder type and channel for a booking, in the client's locale (or the one "
                    + "asked for) with the appointment time in the clinic's local time. Nothing is scheduled or sent. A booking with a manage link "
                    + "shows the configured link with {token} in place of the client's secret. Not for WAITLIST_OFFER or the receipts "
                    + "DEPOSIT_RECEIPT, REFUND_RECEIPT, FEE_RECEIPT (400).")
    @APIResponse(responseCode = "200", description = "The rendered reminder")
    @APIResponse(responseCode = "400", description = "Missing booking id, unknown type or channel, or type WAITLIST_OFFER or a receipt", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such booking in the caller's clinic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreviewView preview(@QueryParam("bookingId") @NotNull UUID bookingId,
                               @Parameter(description = "Reminder type, default APPOINTMENT_REMINDER", schema = @Schema(implementation = ReminderType.class))
                               @QueryParam("type") @DefaultValue("APPOINTMENT_REMINDER") String typeName,
                               @Parameter(description = "EMAIL, SMS or PUSH, default EMAIL", schema = @Schema(implementation = Channel.class))
                               @QueryParam("channel") @DefaultValue("EMAIL") String channelName,
                               @Parameter(description = "BCP 47 locale, e.g. en-GB; default the client's") @QueryParam("locale") @Size(max = 35) String locale) {
        ReminderType type = QueryParams.enumValue(ReminderType.class, "type", typeName);
        if (type == ReminderType.WAITLIST_OFFER) {
            throw ProblemException.invalidField("type", "a waitlist offer is about an offer, not a booking: it has no preview");
        }
        if (type.isReceipt()) {
            throw ProblemException.invalidField("type", "a receipt is about a payment, not a booking: it has no preview");
        }
        Channel channel = QueryParams.enumValue(Channel.class, "channel", channelName);
        return previews.preview(caller.clinicId(), bookingId, type, channel, locale)
                .map(r -> new PreviewView(bookingId, type, channel, r.locale(), r.subject(), r.body()))
                .orElseThrow(() -> ProblemException.notFound("Booking"));
    }

    @GET
    @Path("/preferences/{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Get a client's notification preferences")
    @APIResponse(responseCode = "200", description = "The preferences; ETag header for updates")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client unknown in the caller's clinic (or not the caller)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PreferenceView> preferences(@PathParam("clientId") UUID clientId) {
        if (!caller.mayAccessClient(clientId)) throw ProblemException.notFound("Client");
        return preferences.get(caller.clinicId(), clientId)
                .map(p -> RestResponse.ResponseBuilder.ok(PreferenceMapper.toView(p)).header("ETag", ETags.of(p.version())).build())
                .orElseThrow(() -> ProblemException.notFound("Client"));
    }

    @PUT
    @Path("/preferences/{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.CLIENT})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff self")
    @Operation(summary = "Replace a client's notification preferences",
            description = "Opt out of channels or maintenance tips. Applies to reminders already scheduled. Needs If-Match. Only for a client the caller's clinic knows (client-service registered them there).")
    @APIResponse(responseCode = "200", description = "The saved preferences; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A client token for another client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The caller's clinic does not know the client (unknown-client)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PreferenceView> replacePreferences(@PathParam("clientId") UUID clientId,
                                                           @HeaderParam("If-Match") String ifMatch,
                                                           @Valid @NotNull PreferenceUpdate body) {
        if (!caller.mayAccessClient(clientId)) throw ProblemException.notFound("Client");
        long expected = ETags.requireIfMatch(ifMatch);
        PreferenceService.Preferences p = preferences.replace(caller.clinicId(), clientId, expected, PreferenceMapper.toCommand(body));
        return RestResponse.ResponseBuilder.ok(PreferenceMapper.toView(p)).header("ETag", ETags.of(p.version())).build();
    }
}
