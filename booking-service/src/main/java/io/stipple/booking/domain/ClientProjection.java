package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * What booking-service knows of a client of a clinic, from client-service events: name, sex, assessment,
 * screening. Keyed by clinic and client: the same client id in another clinic is another row (or none).
 */
@Entity
@Table(name = "client_projection")
@IdClass(ClientProjection.Key.class)
public class ClientProjection extends PanacheEntityBase {

    /** The primary key: (clinic, client). */
    public record Key(UUID clinicId, UUID clientId) implements Serializable {
    }

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String sex;
    public String scale;
    public String stage;
    public String condition;
    @Column(name = "coverage_percent")
    public Integer coveragePercent;
    public String eligibility;
    @Column(name = "screening_reviewed")
    public Boolean screeningReviewed;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean erased() {
        return erasedAt != null;
    }

    public SessionProfile profile() {
        return new SessionProfile(scale, stage, condition, coveragePercent);
    }
}
