package io.stipple.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.stipple.notification.domain.Channel;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything notification-service holds about one client of the caller's clinic (GDPR Art. 15/20), as one document. */
@Schema(name = "NotificationClientExport", description = "Everything notification-service holds about one client of "
        + "the caller's clinic: contact details and preferences, the bookings reminders are sent for, every reminder "
        + "(scheduled, sent, cancelled, suppressed or failed) and every partner webhook delivery about the client.")
public record ClientExportView(
        @Schema(example = "2026-11-25T12:00:00Z") Instant exportedAt,
        @Schema(example = "0b6b4d8e-2f41-4c9e-8a3b-5d7e9f1a2c34") UUID clinicId,
        @Schema(example = "7d4d2a8e-1f6b-4c36-8f0e-2b9a1c3d4e5f") UUID clientId,
        @Schema(description = "How to reach the client, as client-service announced it") Contact contact,
        PreferenceView preferences,
        @Schema(description = "The client's bookings as booking-service announced them, by start") List<BookingFacts> bookings,
        @Schema(description = "Every reminder of the client on every channel, by due time (the delivery log)") List<Reminder> reminders,
        @Schema(description = "Every partner webhook delivery about the client") List<WebhookDeliveryRecord> webhookDeliveries) {

    @Schema(name = "NotificationClientContact")
    public record Contact(
            @Schema(example = "Sam", maxLength = 200) String firstName,
            @Schema(example = "Okafor", maxLength = 200) String lastName,
            @Schema(example = "sam.okafor@example.com", maxLength = 320) String email,
            @Schema(example = "+447911123457", maxLength = 32) String phone,
            @Schema(example = "MALE", maxLength = 20) String sex,
            @Schema(example = "Europe/London", maxLength = 64) String timeZone,
            @Schema(example = "en-GB", maxLength = 35) String locale,
            @Schema(example = "[\"EMAIL\"]", maxItems = 3) List<Channel> preferredChannels,
            @Schema(example = "false") boolean marketingOptIn,
            @Schema(example = "false") boolean marketingConsent,
            @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
    }

    @Schema(name = "NotificationClientBooking")
    public record BookingFacts(
            @Schema(example = "a1b2c3d4-e5f6-4711-8899-aabbccddeeff") UUID bookingId,
            @Schema(example = "SMP_SESSION", maxLength = 40) String kind,
            @Schema(example = "b2c3d4e5-f6a7-4811-9900-bbccddeeff00", nullable = true) UUID planId,
            @Schema(example = "2", nullable = true) Integer sessionNumber,
            @Schema(example = "SMP session", nullable = true, maxLength = 200) String treatmentName,
            @Schema(example = "Stipple London", nullable = true, maxLength = 200) String clinicName,
            @Schema(example = "Europe/London", maxLength = 64) String clinicTimeZone,
            @Schema(example = "Sam Okafor", nullable = true, maxLength = 200) String technicianName,
            @Schema(example = "2026-12-01T10:00:00Z") Instant startsAt,
            @Schema(example = "2026-12-01T12:00:00Z", nullable = true) Instant endsAt,
            @Schema(example = "Shave the head 24 hours before", nullable = true, maxLength = 2000,
                    description = "As booking-service accepts them (at most 2000 characters)") String preparationNotes,
            @Schema(example = "CONFIRMED", maxLength = 20) String status,
            @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
    }

    @Schema(name = "NotificationClientReminder")
    public record Reminder(
            @Schema(description = "The delivery log entry") NotificationView entry,
            @Schema(example = "sam.okafor@example.com", nullable = true, description = "The address it was (or is being) sent to", maxLength = 320) String recipient,
            @Schema(example = "en-GB", nullable = true, maxLength = 35) String locale,
            @Schema(example = "msg-8231", nullable = true, description = "The channel provider's id of the sent message", maxLength = 200) String providerMessageId,
            @Schema(type = SchemaType.OBJECT, description = "What the message is made from (template values)") JsonNode content) {
    }

    @Schema(name = "NotificationClientWebhookDelivery", description = "An event about the client sent (or to be sent) "
            + "to a partner system or the clinic's own receiver. The clinic's subscription settings are not part of it.")
    public record WebhookDeliveryRecord(
            @Schema(example = "e5f6a7b8-c9d0-4b11-8c44-eeff00112233") UUID eventId,
            @Schema(example = "BookingConfirmed", maxLength = 100) String eventType,
            @Schema(example = "acme-hair", nullable = true, description = "The partner whose subscription receives it; null for the clinic's own receiver", maxLength = 100) String recipientPartnerId,
            @Schema(example = "DELIVERED", enumeration = {"PENDING", "SENDING", "DELIVERED", "DEAD", "CANCELLED"}) String status,
            @Schema(example = "NOT_SHARED", nullable = true, enumeration = {"CLIENT_ERASED", "NOT_SHARED"},
                    description = "Why a CANCELLED delivery was not sent") String statusReason,
            @Schema(example = "1") int attempts,
            @Schema(example = "2026-11-25T14:00:01Z", nullable = true) Instant lastAttemptAt,
            @Schema(example = "2026-11-25T14:00:01Z", nullable = true) Instant deliveredAt,
            @Schema(example = "2026-11-25T14:00:00Z") Instant createdAt,
            @Schema(type = SchemaType.OBJECT, description = "The body sent (or to be sent)") JsonNode payload) {
    }
}
