package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A technician's absence (leave, training, sickness). */
@Entity
@Table(name = "technician_time_off")
public class TimeOff extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;

    public TimeRange range() {
        return new TimeRange(startsAt, endsAt);
    }
}
