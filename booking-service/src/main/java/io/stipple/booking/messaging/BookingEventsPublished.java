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

    /** An amount in minor units of an ISO 4217 currency. */
    public record Money(long amountMinor, String currency) {
    }

    /** The deposit of a booking was paid (the booking is confirmed by it). No card data, no client secret. */
    public record DepositPaid(UUID paymentId, UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone,
                              String treatmentName, Instant startsAt, Money amount, Instant paidAt) implements DomainEvent {
    }

    /**
     * (Part of) a paid deposit went back to the client: {@code reason} CLINIC_CANCELLED, CANCELLED_IN_TIME,
     * FEE_BALANCE, PAID_AFTER_EXPIRY or WAIVED; {@code rule} the rule that decided it.
     */
    public record DepositRefunded(UUID paymentId, UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone,
                                  String treatmentName, Instant startsAt, Money amount, Instant refundedAt,
                                  String reason, String rule) implements DomainEvent {
    }

    /**
     * The clinic kept a fee (or the whole deposit) out of a paid deposit: {@code reason} LATE_CANCELLATION or NO_SHOW;
     * {@code rule} the rule that decided it.
     */
    public record FeeCharged(UUID paymentId, UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone,
                             String treatmentName, Instant startsAt, Money amount, Instant chargedAt, String reason,
                             String rule) implements DomainEvent {
    }
}
