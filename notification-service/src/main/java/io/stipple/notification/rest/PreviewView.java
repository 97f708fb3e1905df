package io.stipple.notification.rest;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A reminder rendered for a booking, as the client would receive it. */
@Schema(name = "NotificationPreview")
public record PreviewView(
        @Schema(example = "a1b2c3d4-e5f6-4711-8899-aabbccddeeff") UUID bookingId,
        @Schema(example = "APPOINTMENT_REMINDER") ReminderType type,
        @Schema(example = "EMAIL") Channel channel,
        @Schema(example = "en", description = "Locale of the templates used", maxLength = 35) String locale,
        @Schema(example = "Your appointment at Stipple London on Friday, 27 November 2026, 10:00 GMT", nullable = true,
                description = "Email subject or push title; null for SMS", maxLength = 1000) String subject,
        @Schema(example = "Hello Sam, ...", maxLength = 10000,
                description = "A template (at most a few hundred characters) filled with bounded values: names, clinic, "
                        + "treatment and technician (200 each), preparation notes (2000), a manage link") String body) {
}
