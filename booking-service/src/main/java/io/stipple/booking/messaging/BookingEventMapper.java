package io.stipple.booking.messaging;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.Payment;
import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.domain.WaitlistOffer;
import io.stipple.booking.messaging.BookingEventsPublished.DepositPaid;
import io.stipple.booking.messaging.BookingEventsPublished.DepositRefunded;
import io.stipple.booking.messaging.BookingEventsPublished.FeeCharged;
import io.stipple.booking.messaging.BookingEventsPublished.Money;
import io.stipple.booking.messaging.BookingEventsPublished.WaitlistOfferExpired;
import io.stipple.booking.messaging.BookingEventsPublished.WaitlistOffered;
import io.stipple.booking.messaging.BookingEventsPublished.BookingCancelled;
import io.stipple.booking.messaging.BookingEventsPublished.BookingConfirmed;
import io.stipple.booking.messaging.BookingEventsPublished.BookingNoShow;
import io.stipple.booking.messaging.BookingEventsPublished.BookingRescheduled;
import io.stipple.booking.messaging.BookingEventsPublished.SessionCompleted;
import io.stipple.booking.service.SessionPlanner.Completed;
import io.stipple.booking.service.ManageLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** The one place a booking becomes an event it publishes ({@link BookingEventsPublished}, through the outbox). */
@ApplicationScoped
public class BookingEventMapper {

    @Inject
    ManageLinks manageLinks;

    public BookingConfirmed confirmed(Booking b, Clinic clinic, Treatment treatment, Technician technician) {
        return new BookingConfirmed(b.id, b.clientId, clinic.name, clinic.timeZone, b.kind.name(), treatment.id,
                treatment.name, b.planId, b.sessionNumber, technician.id, technician.displayName, b.roomId, b.startsAt,
                b.endsAt, b.preparationNotes, manageLinks.token(b));
    }

    public WaitlistOffered waitlistOffered(WaitlistOffer o, Clinic clinic, Treatment treatment, Technician technician) {
        return new WaitlistOffered(o.id, o.entryId, o.clientId, clinic.name, clinic.timeZone, treatment.id, treatment.name,
                technician.id, technician.displayName, o.startsAt, o.endsAt, o.expiresAt, o.mode.name(), o.bookingId);
    }

    public WaitlistOfferExpired waitlistOfferExpired(WaitlistOffer o) {
        return new WaitlistOfferExpired(o.id, o.entryId, o.clientId, o.startsAt);
    }

    public BookingRescheduled rescheduled(Booking b, Clinic clinic, Treatment treatment, Technician technician,
                                          Instant previousStartsAt, Instant previousEndsAt) {
        return new BookingRescheduled(b.id, b.clientId, clinic.name, clinic.timeZone, b.kind.name(), treatment.id,
                treatment.name, b.planId, b.sessionNumber, technician.id, technician.displayName, b.roomId, b.startsAt,
                b.endsAt, b.preparationNotes, previousStartsAt, previousEndsAt);
    }

    public BookingCancelled cancelled(Booking b) {
        return new BookingCancelled(b.id, b.clientId, b.kind.name(), b.planId, b.sessionNumber, b.startsAt,
                b.cancelReason, b.cancelledBy.name());
    }

    public BookingNoShow noShow(Booking b) {
        return new BookingNoShow(b.id, b.clientId, b.kind.name(), b.planId, b.sessionNumber, b.startsAt);
    }

    public SessionCompleted sessionCompleted(Booking b, Clinic clinic, Treatment treatment, Completed facts) {
        var plan = facts.plan();
        var client = facts.client();
        String treatmentType = plan != null ? plan.treatmentType.name()
                : treatment.treatmentType != null ? treatment.treatmentType.name() : null;
        Integer planned = plan != null ? plan.plannedSessions : null;
        boolean finalSession = plan == null || (b.sessionNumber != null && b.sessionNumber >= plan.plannedSessions);
        String condition = plan != null && plan.condition != null ? plan.condition : client != null ? client.condition : null;
        String sex = client != null && client.sex != null ? client.sex : plan != null && plan.sex != null ? plan.sex : "UNSPECIFIED";
        return new SessionCompleted(b.id, b.clientId, clinic.name, clinic.timeZone, b.planId, treatmentType, b.kind.name(),
                b.sessionNumber, planned, finalSession, facts.healingIntervalDays(), condition, sex, b.technicianId,
                b.completedAt);
    }

    public DepositPaid depositPaid(Payment p, Booking b, Clinic clinic, Treatment treatment) {
        return new DepositPaid(p.id, b.id, b.clientId, clinic.name, clinic.timeZone, treatment.name, b.startsAt,
                money(p.amount()), p.paidAt);
    }

    public DepositRefunded depositRefunded(Payment p, Booking b, Clinic clinic, Treatment treatment, Amount amount,
                                           Instant at, String reason, String rule) {
        return new DepositRefunded(p.id, b.id, b.clientId, clinic.name, clinic.timeZone, treatment.name, b.startsAt,
                money(amount), at, reason, rule);
    }

    public FeeCharged feeCharged(Payment p, Booking b, Clinic clinic, Treatment treatment, Amount amount, Instant at,
                                 String reason, String rule) {
        return new FeeCharged(p.id, b.id, b.clientId, clinic.name, clinic.timeZone, treatment.name, b.startsAt,
                money(amount), at, reason, rule);
    }

    private static Money money(Amount a) {
        return new Money(a.minor(), a.currency());
    }
}
