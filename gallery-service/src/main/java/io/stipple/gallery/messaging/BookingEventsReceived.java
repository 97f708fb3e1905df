package io.stipple.gallery.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The events the gallery receives from booking-service ({@code stipple.bookings}): the part of SessionCompleted it reads
 * (applied by {@code messaging.handlers.SessionCompletedHandler}); other booking events are not read.
 */
public final class BookingEventsReceived {

    private BookingEventsReceived() {
    }

    public record SessionCompleted(UUID bookingId, UUID clientId, String clinicName, UUID planId, String treatmentType,
                                   Integer sessionNumber, Instant completedAt) {
    }
}
