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

    /**
     * BookingConfirmed and BookingRescheduled (which adds the previous times). {@code manageToken} (BookingConfirmed
     * since booking AsyncAPI 1.1.0; null in older events) is the secret of the booking's manage link: never in
     * {@link #toString()}.
     */
    public record BookingConfirmed(UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone, String kind,
                                   UUID treatmentId, String treatmentName, UUID planId, Integer sessionNumber,
                                   UUID technicianId, String technicianName, UUID roomId, Instant startsAt, Instant endsAt,
                                   String preparationNotes, Instant previousStartsAt, Instant previousEndsAt,
                                   String manageToken) {
        @Override
        public String toString() {
            return "BookingConfirmed[bookingId=" + bookingId + ", clientId=" + clientId + ", startsAt=" + startsAt
                    + ", manageToken=" + (manageToken == null ? "none" : "(secret)") + "]";
        }
    }

    /**
     * WaitlistOffered: a freed slot offered to a waiting client until {@code offerExpiresAt}; {@code mode}
     * FIRST_IN_LINE or OFFER_TO_ALL (others may get the same slot offered, the first to accept wins); {@code bookingId}
     * the hold's, or null.
     */
    public record WaitlistOffered(UUID offerId, UUID entryId, UUID clientId, String clinicName, String clinicTimeZone,
                                  UUID treatmentId, String treatmentName, UUID technicianId, String technicianName,
                                  Instant startsAt, Instant endsAt, Instant offerExpiresAt, String mode, UUID bookingId) {
    }

    /** WaitlistOfferExpired: the offer lapsed unanswered (or was taken by another): its message must not go out any more. */
    public record WaitlistOfferExpired(UUID offerId, UUID entryId, UUID clientId, Instant startsAt) {
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

    /** An amount as the payment events carry it: minor units (pence, cents, yen) of an ISO 4217 currency. */
    public record Amount(Long amountMinor, String currency) {
    }

    /**
     * What the payment events (booking AsyncAPI 1.3.0) share, and what their receipt shows: the payment, its booking
     * and client, the clinic (name and IANA zone), the treatment, the appointment's start and the amount; {@link #at()}
     * when the money moved; {@link #reason()} the policy's reason (refunds and fees; null for a deposit paid).
     */
    public interface PaymentEvent {
        UUID paymentId();

        UUID bookingId();

        UUID clientId();

        String clinicName();

        String clinicTimeZone();

        String treatmentName();

        Instant startsAt();

        Amount amount();

        /** When it was paid, refunded or charged. */
        Instant at();

        /** Why (a refund's or fee's reason code), or null. */
        String reason();

        /** The clinic's rule the decision followed, or null. */
        String rule();
    }

    /** DepositPaid: the client paid the deposit of a booking. */
    public record DepositPaid(UUID paymentId, UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone,
                              String treatmentName, Instant startsAt, Amount amount, Instant paidAt) implements PaymentEvent {
        @Override
        public Instant at() {
            return paidAt;
        }

        @Override
        public String reason() {
            return null;
        }

        @Override
        public String rule() {
            return null;
        }
    }

    /**
     * DepositRefunded: a deposit (or what is left of it) went back to the client; {@code reason} CLINIC_CANCELLED,
     * CANCELLED_IN_TIME, FEE_BALANCE, PAID_AFTER_EXPIRY or WAIVED (a string: a reason added later stays readable).
     */
    public record DepositRefunded(UUID paymentId, UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone,
                                  String treatmentName, Instant startsAt, Amount amount, Instant refundedAt, String reason,
                                  String rule) implements PaymentEvent {
        @Override
        public Instant at() {
            return refundedAt;
        }
    }

    /** FeeCharged: the clinic's fee for a late cancellation or a no-show; {@code reason} LATE_CANCELLATION or NO_SHOW. */
    public record FeeCharged(UUID paymentId, UUID bookingId, UUID clientId, String clinicName, String clinicTimeZone,
                             String treatmentName, Instant startsAt, Amount amount, Instant chargedAt, String reason,
                             String rule) implements PaymentEvent {
        @Override
        public Instant at() {
            return chargedAt;
        }
    }
}
