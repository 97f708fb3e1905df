package io.stipple.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stipple.notification.domain.Booking;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.WebhookDelivery;
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
        ClientExportService.Snapshot s = exports.export(clientId);
        var p = s.preferences();
        return new ClientExportView(s.at(), s.clinicId(), s.contact().clientId, contact(s.contact()),
                new PreferenceView(p.clientId(), p.optedOut(), p.maintenanceTips(), p.version()),
                s.bookings().stream().map(ClientExportResource::booking).toList(),
                s.reminders().stream().map(this::reminder).toList(),
                s.webhookDeliveries().stream().map(this::delivery).toList());
    }

    private static ClientExportView.Contact contact(ClientContact c) {
        return new ClientExportView.Contact(c.firstName, c.lastName, c.email, c.phone, c.sex, c.timeZone, c.locale,
                c.preferred(), c.marketingOptIn, c.marketingConsent, c.updatedAt);
    }

    private static ClientExportView.BookingFacts booking(Booking b) {
        return new ClientExportView.BookingFacts(b.bookingId, b.kind, b.planId, b.sessionNumber, b.treatmentName,
                b.clinicName, b.clinicTimeZone, b.technicianName, b.startsAt, b.endsAt, b.preparationNotes, b.status,
                b.updatedAt);
    }

    private ClientExportView.Reminder reminder(ScheduledReminder r) {
        return new ClientExportView.Reminder(NotificationMapper.toView(r), r.recipient, r.locale, r.providerMessageId,
                parse(r.payload));
    }

    private ClientExportView.WebhookDeliveryRecord delivery(ClientExportService.Delivery d) {
        WebhookDelivery w = d.delivery();
        return new ClientExportView.WebhookDeliveryRecord(w.eventId, w.eventType, d.recipientPartnerId(), w.status,
                w.statusReason, w.attempts, w.lastAttemptAt, w.deliveredAt, w.createdAt, parse(w.payload));
    }

    /** Stored JSON as JSON; anything else (never expected) as the text it is, so nothing held is left out. */
    private JsonNode parse(String stored) {
        if (stored == null) return NullNode.getInstance();
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(stored);
        }
    }
}
