package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A treatment room or chair: one session at a time. */
@Entity
@Table(name = "room")
public class Room extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    public String name;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
