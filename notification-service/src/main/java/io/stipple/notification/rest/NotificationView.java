package io.stipple.notification.rest;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the delivery log: a reminder on one channel and where it is. */
@Schema(name = "Notification", description = "A scheduled reminder on one channel and its delivery state")
public record NotificationView(
        @Schema(example = "3f6f8c1e-8f4e-4a51-9a43-0c1f9d2b7a10") UUID id,
        @Schema(example = "7d4d2a8e-1f6b-4c36-8f0e-2b9a1c3d4e5f", nullable = true, description = "Null once the client was erased") UUID clientId,
        @Schema(example = "a1b2c3d4-e5f6-4711-8899-aabbccddeeff", nullable = true) UUID bookingId,
        @Schema(example = "b2c3d4e5-f6a7-4811-9900-bbccddeeff00", nullable = true) UUID planId,
        @Schema(example = "APPOINTMENT_REMINDER") ReminderType type,
        @Schema(example = "EMAIL") Channel channel,
        @Schema(example = "SCHEDULED", description = "SENT: accepted by the channel. UNCERTAIN: handed to a channel that "
                + "does not deduplicate (email) without a confirmation (timeout, broken connection, dispatcher lost "
                + "mid-send): it may or may not have arrived, and is never sent again automatically") ReminderStatus status,
        @Schema(example = "NEXT_SESSION_BOOKED", nullable = true, description = "Why it was cancelled, suppressed or failed, "
                + "why it is uncertain (OUTCOME_UNKNOWN, DISPATCHER_LOST_MID_SEND), or why a scheduled one waits (QUIET_HOURS)", maxLength = 100) String reason,
        @Schema(example = "2026-11-27T10:00:00Z", description = "When it is (was) due, UTC") Instant dueAt,
        @Schema(example = "2026-11-27T10:00:00Z", description = "When the next attempt is made while scheduled") Instant nextAttemptAt,
        @Schema(example = "2026-11-27T10:00:00+00:00", description = "Due time in the recipient's zone") OffsetDateTime dueAtLocal,
        @Schema(example = "Europe/London", maxLength = 64) String zone,
        @Schema(example = "1") int attempts,
        @Schema(example = "2026-11-27T10:00:01Z", nullable = true) Instant sentAt,
        @Schema(example = "HTTP 503", nullable = true, maxLength = 1000) String lastError,
        @Schema(example = "2026-11-25T14:00:00Z") Instant createdAt,
        @Schema(example = "2026-11-27T10:00:01Z") Instant updatedAt) {
}
