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

/** The GDPR export's snapshot to its API shape. */
public final class ClientExportMapper {

    private ClientExportMapper() {
    }

    /** {@code json} reads the stored JSON (reminder payloads, webhook bodies) back into the export. */
    public static ClientExportView toView(ClientExportService.Snapshot s, ObjectMapper json) {
        return new ClientExportView(s.at(), s.clinicId(), s.contact().clientId, contact(s.contact()),
                PreferenceMapper.toView(s.preferences()),
                s.bookings().stream().map(ClientExportMapper::booking).toList(),
                s.reminders().stream().map(r -> reminder(r, json)).toList(),
                s.webhookDeliveries().stream().map(d -> delivery(d, json)).toList());
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

    private static ClientExportView.Reminder reminder(ScheduledReminder r, ObjectMapper json) {
        return new ClientExportView.Reminder(NotificationMapper.toView(r), r.recipient, r.locale, r.providerMessageId,
                parse(r.payload, json));
    }

    private static ClientExportView.WebhookDeliveryRecord delivery(ClientExportService.Delivery d, ObjectMapper json) {
        WebhookDelivery w = d.delivery();
        return new ClientExportView.WebhookDeliveryRecord(w.eventId, w.eventType, d.recipientPartnerId(), w.status,
                w.statusReason, w.attempts, w.lastAttemptAt, w.deliveredAt, w.createdAt, parse(w.payload, json));
    }

    /** Stored JSON as JSON; anything else (never expected) as the text it is, so nothing held is left out. */
    private static JsonNode parse(String stored, ObjectMapper json) {
        if (stored == null) return NullNode.getInstance();
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(stored);
        }
    }
}
