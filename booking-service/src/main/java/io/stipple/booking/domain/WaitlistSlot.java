package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Freed time on its way to the waitlist: the start and technician of a booking that no longer takes its time
 * (cancelled, moved away, a no-show, a hold released or run out), written in the transaction that freed it, so a
 * process that dies before matching it loses nothing. Its life follows {@link WaitlistSlotStatus}.
 */
@Entity
@Table(name = "waitlist_slot")
public class WaitlistSlot extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "freed_booking_id")
    public UUID freedBookingId;
    @Column(name = "treatment_id")
    public UUID treatmentId;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Enumerated(EnumType.STRING)
    public WaitlistSlotStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public void moveTo(WaitlistSlotStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }
}
