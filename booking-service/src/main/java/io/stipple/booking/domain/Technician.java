package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A technician of a clinic: the treatments they perform and their working week. */
@Entity
@Table(name = "technician")
public class Technician extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "treatment_ids")
    public List<UUID> treatmentIds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "working_hours")
    public List<WeeklyHours> workingHours;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public boolean performs(UUID treatmentId) {
        return active && treatmentIds.contains(treatmentId);
    }
}
