package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.stipple.platform.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A booked appointment; its life follows {@link BookingStatus}. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public BookingKind kind;
    @Column(name = "treatment_id")
    public UUID treatmentId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "session_number")
    public Integer sessionNumber;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "occupied_until")
    public Instant occupiedUntil;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Column(name = "preparation_notes")
    public String preparationNotes;
    @Column(name = "booked_by")
    public String bookedBy;
    @Column(name = "healing_override_days")
    public Integer healingOverrideDays;
    @Column(name = "healing_override_by")
    public String healingOverrideBy;
    @Column(name = "healing_override_reason")
    public String healingOverrideReason;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    public CancelledBy cancelledBy;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    @Column(name = "no_show_at")
    public Instant noShowAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** While HELD or PENDING_PAYMENT: when the hold (or the time to pay) runs out and the time is free again. */
    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** A live hold: HELD and not yet run out at {@code now}. */
    public boolean isLiveHold(Instant now) {
        return status == BookingStatus.HELD && now.isBefore(holdExpiresAt);
    }

    /** Turns a live hold into the booking (the same id); a hold that has run out cannot be confirmed. */
    public void confirmHold(Instant now) {
        checkConfirmable(now);
        status = status.after(BookingAction.CONFIRM);
        updatedAt = now;
    }

    /** A live hold may be confirmed: 409 {@code hold-expired} once it ran out, {@code illegal-transition} if no hold. */
    public void checkConfirmable(Instant now) {
        if (status == BookingStatus.EXPIRED || status == BookingStatus.HELD && !isLiveHold(now)) {
            throw RuleViolation.conflict("hold-expired", "The hold ran out at " + holdExpiresAt + "; hold the slot again");
        }
        checkAllows(BookingAction.CONFIRM);
    }

    /**
     * A confirmed hold (or a new booking) that needs a deposit: it keeps its time in PENDING_PAYMENT until
     * {@code payBy}, when it expires unless the deposit was paid.
     */
    public void awaitPayment(Instant now, Instant payBy) {
        if (status == BookingStatus.HELD) {
            status = status.after(BookingAction.AWAIT_PAYMENT);
        } else if (status != BookingStatus.PENDING_PAYMENT) {
            throw new IllegalTransitionException(status, BookingAction.AWAIT_PAYMENT);
        }
        holdExpiresAt = payBy;
        updatedAt = now;
    }

    /** Its hold (or time to pay) ran out: the time is free. */
    public void expire(Instant now) {
        status = status.after(BookingAction.EXPIRE);
        updatedAt = now;
    }

    /** The deposit was paid: the booking is confirmed (the same id). */
    public void paymentConfirmed(Instant now) {
        status = status.after(BookingAction.CONFIRM_PAYMENT);
        updatedAt = now;
    }

    /** Gives a held slot back before its hold runs out (or a booking whose payment could not start). */
    public void releaseHold(Instant now) {
        status = status.after(BookingAction.RELEASE);
        updatedAt = now;
    }

    /** Places the booking at a time: the session, then the clean-up buffer during which nothing else fits. */
    public void place(Instant start, Duration session, Duration buffer) {
        startsAt = start;
        endsAt = start.plus(session);
        occupiedUntil = endsAt.plus(buffer);
    }

    public Duration sessionLength() {
        return Duration.between(startsAt, endsAt);
    }

    public Duration buffer() {
        return Duration.between(endsAt, occupiedUntil);
    }

    public TimeRange occupied() {
        return new TimeRange(startsAt, occupiedUntil);
    }

    /** The end a following session's healing interval counts from: the actual completion if known. */
    public Instant healingCountsFrom() {
        return completedAt != null ? completedAt : endsAt;
    }

    /**
     * The booking's state allows the action, else 409 {@code illegal-transition}: asked before the action's other
     * rules, so a final booking answers that whatever else is wrong.
     */
    public void checkAllows(BookingAction action) {
        if (!status.allows(action)) {
            throw new IllegalTransitionException(status, action);
        }
    }

    public void reschedule(Instant start, UUID technician, UUID room, Instant now) {
        status = status.after(BookingAction.RESCHEDULE);
        Duration session = sessionLength();
        Duration buffer = buffer();
        technicianId = technician;
        roomId = room;
        place(start, session, buffer);
        updatedAt = now;
    }

    public void cancel(CancelledBy by, String reason, Instant now) {
        status = status.after(BookingAction.CANCEL);
        cancelledBy = by;
        cancelReason = reason;
        cancelledAt = now;
        updatedAt = now;
    }

    /** Check-in opens {@code opensBefore} the start; a booking whose day has passed cannot be checked in. */
    public void checkIn(Instant now, Duration opensBefore) {
        BookingStatus next = status.after(BookingAction.CHECK_IN);
        if (now.isBefore(startsAt.minus(opensBefore))) {
            throw new RuleViolation("check-in-too-early",
                    "check-in opens " + opensBefore.toMinutes() + " minutes before the start");
        }
        if (!now.isBefore(occupiedUntil)) {
            throw new RuleViolation("booking-over", "the booked time has passed; mark it as a no-show instead");
        }
        status = next;
        checkedInAt = now;
        updatedAt = now;
    }

    /** A client who has not come can be marked absent only once the booking has started. */
    public void markNoShow(Instant now) {
        BookingStatus next = status.after(BookingAction.MARK_NO_SHOW);
        if (now.isBefore(startsAt)) {
            throw new RuleViolation("booking-not-started", "a booking can be marked a no-show only after its start");
        }
        status = next;
        noShowAt = now;
        updatedAt = now;
    }

    /** A session is completed once it has started (checked in early, it is still not done before its start). */
    public void complete(Instant now) {
        BookingStatus next = status.after(BookingAction.COMPLETE);
        if (now.isBefore(startsAt)) {
            throw new RuleViolation("session-not-started",
                    "a session can be completed only after its booked start (" + startsAt + ")");
        }
        status = next;
        completedAt = now;
        updatedAt = now;
    }

    /** Erasure: the booking stays as the clinic's history, with nothing left that names the client. */
    public void anonymise(Instant now) {
        clientId = null;
        preparationNotes = null;
        if (cancelReason != null) cancelReason = "client erased";
        updatedAt = now;
    }
}
