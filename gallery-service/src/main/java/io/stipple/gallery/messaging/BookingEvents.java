package io.stipple.gallery.messaging;

import java.time.Instant;
import java.util.UUID;

/** The part of booking-service's SessionCompleted ({@code stipple.bookings}) the gallery reads. */
public final class BookingEvents {

    private BookingEvents() {
    }

    public record SessionCompleted(UUID bookingId, UUID clientId, String clinicName, UUID planId, String treatmentType,
                                   Integer sessionNumber, Instant completedAt) {
    }
}
