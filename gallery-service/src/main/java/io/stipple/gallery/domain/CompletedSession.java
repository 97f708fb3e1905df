package io.stipple.gallery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A session booking-service reported completed (SessionCompleted): links photos taken at it to its number.
 * Keyed by clinic and booking: a booking id means something only inside its clinic.
 */
@Entity
@Table(name = "completed_session")
@IdClass(CompletedSession.Key.class)
public class CompletedSession extends PanacheEntityBase {

    /** The primary key: (clinic, booking). */
    public static class Key implements Serializable {
        public UUID clinicId;
        public UUID bookingId;

        public Key() {
        }

        public Key(UUID clinicId, UUID bookingId) {
            this.clinicId = clinicId;
            this.bookingId = bookingId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clinicId, k.clinicId) && Objects.equals(bookingId, k.bookingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, bookingId);
        }
    }

    @Id
    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;

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
