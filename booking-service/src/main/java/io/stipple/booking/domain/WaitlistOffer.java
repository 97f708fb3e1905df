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

import java.time.Instant;
import java.util.UUID;

/**
 * Freed time offered to one waiting client until {@code expiresAt}. First in line: {@code bookingId} is the HELD
 * booking that keeps the time for the client meanwhile; offered to all: no hold, and {@code bookingId} is the booking
 * made when it is accepted. Its life follows {@link WaitlistOfferStatus}.
 */
@Entity
@Table(name = "waitlist_offer")
public class WaitlistOffer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "slot_id")
    public UUID slotId;
    @Column(name = "entry_id")
    public UUID entryId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public WaitlistMode mode;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "treatment_id")
    public UUID treatmentId;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Enumerated(EnumType.STRING)
    public WaitlistOfferStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * The offer may still be accepted or declined at {@code now}, else 409: {@code offer-expired} (ran out, even
     * before anything marked it), {@code offer-taken} (somebody else accepted first), {@code offer-closed} (already
     * accepted or declined).
     */
    public void checkOpen(Instant now) {
        switch (status) {
            case EXPIRED -> throw expired();
            case TAKEN -> throw taken();
            case ACCEPTED, DECLINED -> throw RuleViolation.conflict("offer-closed",
                    "The offer was already " + status.name().toLowerCase());
            case OPEN -> {
                if (!now.isBefore(expiresAt)) throw expired();
            }
        }
    }

    public RuleViolation taken() {
        return RuleViolation.conflict("offer-taken", "Another client accepted this time first");
    }

    private RuleViolation expired() {
        return RuleViolation.conflict("offer-expired", "The offer ran out at " + expiresAt);
    }

    public void end(WaitlistOfferStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }
}
