package io.stipple.booking.domain;

import java.time.Instant;
import java.util.UUID;

/** Time a booking no longer takes: its clinic, the booking, its treatment, and the technician and start it had. */
public record FreedTime(UUID clinicId, UUID bookingId, UUID treatmentId, UUID technicianId, Instant startsAt) {

    /** The time the booking takes now (before it is cancelled, moved or marked). */
    public static FreedTime of(Booking b) {
        return new FreedTime(b.clinicId, b.id, b.treatmentId, b.technicianId, b.startsAt);
    }
}
