package io.stipple.gallery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A session booking-service reported completed (SessionCompleted): links photos taken at it to its number. */
@Entity
@Table(name = "completed_session")
public class CompletedSession extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "session_number")
    public Integer sessionNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_type")
    public TreatmentType treatmentType;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;
}
