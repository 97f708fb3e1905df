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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalogue entry of a clinic: what it is, how long it takes for whom, the clean-up after it, its price. */
@Entity
@Table(name = "treatment")
public class Treatment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Enumerated(EnumType.STRING)
    public BookingKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_type")
    public TreatmentType treatmentType;
    public String name;
    @Column(name = "base_duration_minutes")
    public int baseDurationMinutes;
    @Column(name = "buffer_minutes")
    public int bufferMinutes;
    @Column(name = "price_minor")
    public long priceMinor;
    public String currency;
    @Column(name = "healing_interval_days")
    public Integer healingIntervalDays;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "duration_rules")
    public List<DurationRule> durationRules;
    public boolean active;
    /** The treatment's own deposit policy; null: the clinic's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deposit_policy")
    public DepositPolicy depositPolicy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** Only a treatment still offered can be booked: 422 {@code treatment-inactive}. */
    public void checkBookable() {
        if (!active) {
            throw new RuleViolation("treatment-inactive", "Treatment " + id + " is no longer offered");
        }
    }

    /** How long this treatment takes for a client: the first matching rule, else the base duration. */
    public Duration sessionLength(SessionProfile client) {
        for (DurationRule rule : durationRules) {
            if (rule.matches(client)) {
                return Duration.ofMinutes(rule.durationMinutes());
            }
        }
        return Duration.ofMinutes(baseDurationMinutes);
    }

    public Amount price() {
        return Amount.of(priceMinor, currency);
    }

    public Duration buffer() {
        return Duration.ofMinutes(bufferMinutes);
    }
}
