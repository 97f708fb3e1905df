package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What booking-service knows of a client, from client-service events: name, sex, assessment, screening. */
@Entity
@Table(name = "client_projection")
public class ClientProjection extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public UUID clinicId;
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
