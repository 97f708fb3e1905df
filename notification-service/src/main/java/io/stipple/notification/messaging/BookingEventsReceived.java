package io.stipple.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of the booking-service events this service receives (topic {@code stipple.bookings}), as docs/EVENTS.md
 * defines them; each is applied by its handler in {@code messaging.handlers}. Enum values arrive as strings so a value
 * added by a producer does not make an event unreadable; unknown fields are ignored.
 */
public final class BookingEventsReceived {

    private BookingEventsReceived() {
    }

    /** BookingConfirmed and BookingRescheduled (which adds the previous times). */
    public record BookingConfirmed(UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone, String kind,
                                   UUID treatmentId, String treatmentName, UUID planId, Integer sessionNumber,
                                   UUID technicianId, String technicianName, UUID roomId, Instant startsAt, Instant endsAt,
                                   String preparationNotes, Instant previousStartsAt, Instant previousEndsAt) {
    }

    /** BookingCancelled and BookingNoShow. */
    public record BookingEnded(UUID bookingId, UUID clientId, String kind, UUID planId, Integer sessionNumber,
                               Instant startsAt, String reason, String cancelledBy) {
    }

    public record SessionCompleted(UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone, UUID planId,
                                   String treatmentType, String kind, Integer sessionNumber, Integer plannedSessions,
                                   Boolean finalSession, Integer healingIntervalDays, String condition, String clientSex,
                                   UUID technicianId, Instant completedAt) {
    }
}
