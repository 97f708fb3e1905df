package io.stipple.booking.messaging;

import io.stipple.platform.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** The events booking-service publishes on {@code stipple.bookings} (EVENTS.md; schema version 1). */
public final class BookingEventsPublished {

    private BookingEventsPublished() {
    }

    public record BookingConfirmed(UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone, String kind,
                                   UUID treatmentId, String treatmentName, UUID planId, Integer sessionNumber,
                                   UUID technicianId, String technicianName, UUID roomId, Instant startsAt,
                                   Instant endsAt, String preparationNotes, String manageToken) implements DomainEvent {
    }

    public record BookingRescheduled(UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone, String kind,
                                     UUID treatmentId, String treatmentName, UUID planId, Integer sessionNumber,
                                     UUID technicianId, String technicianName, UUID roomId, Instant startsAt,
                                     Instant endsAt, String preparationNotes, Instant previousStartsAt,
                                     Instant previousEndsAt) implements DomainEvent {
    }

    public record BookingCancelled(UUID bookingId, UUID clientId, String kind, UUID planId, Integer sessionNumber,
                                   Instant startsAt, String reason, String cancelledBy) implements DomainEvent {
    }

    public record BookingNoShow(UUID bookingId, UUID clientId, String kind, UUID planId, Integer sessionNumber,
                                Instant startsAt) implements DomainEvent {
    }

    public record SessionCompleted(UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone, UUID planId,
                                   String treatmentType, String kind, Integer sessionNumber, Integer plannedSessions,
                                   boolean finalSession, Integer healingIntervalDays, String condition,
                                   String clientSex, UUID technicianId, Instant completedAt) implements DomainEvent {
    }

    /**
     * Freed time offered to a waiting client until {@code offerExpiresAt}. {@code mode} FIRST_IN_LINE: the time is
     * held for the client ({@code bookingId}, the held booking); OFFER_TO_ALL: offered to every waiting client it
     * fits, no hold ({@code bookingId} null), the first to accept books it.
     */
    public record WaitlistOffered(UUID offerId, UUID entryId, UUID clientId, String clinicName, String clinicTimeZone,
                                  UUID treatmentId, String treatmentName, UUID technicianId, String technicianName,
                                  Instant startsAt, Instant endsAt, Instant offerExpiresAt, String mode,
                                  UUID bookingId) implements DomainEvent {
    }

    /** A first-in-line offer ran out unanswered: its hold is gone and the time goes to the next waiting client. */
    public record WaitlistOfferExpired(UUID offerId, UUID entryId, UUID clientId, Instant startsAt) implements DomainEvent {
    }
}
