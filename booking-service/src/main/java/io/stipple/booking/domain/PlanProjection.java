package io.stipple.booking.domain;

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
import java.util.UUID;

/** A client's treatment plan as client-service announced it, keyed by clinic and plan. */
@Entity
@Table(name = "plan_projection")
@IdClass(PlanProjection.Key.class)
public class PlanProjection extends PanacheEntityBase {

    /** The primary key: (clinic, plan). */
    public record Key(UUID clinicId, UUID planId) implements Serializable {
    }

    public static final String AGREED = "AGREED";
    public static final String CANCELLED = "CANCELLED";
    public static final String COMPLETED = "COMPLETED";

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_type")
    public TreatmentType treatmentType;
    @Column(name = "planned_sessions")
    public int plannedSessions;
    @Column(name = "healing_interval_days")
    public int healingIntervalDays;
    /** The plan's interval was agreed below the minimum by an admin with a reason (client-service owns it). */
    @Column(name = "healing_interval_overridden")
    public boolean healingIntervalOverridden;
    public String scale;
    public String stage;
    public String condition;
    @Column(name = "coverage_percent")
    public Integer coveragePercent;
    public String eligibility;
    public String sex;
    public String status;
    @Column(name = "agreed_at")
    public Instant agreedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isAgreed() {
        return AGREED.equals(status);
    }

    public SessionProfile profile() {
        return new SessionProfile(scale, stage, condition, coveragePercent);
    }
}
