package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    @Convert(converter = JsonText.UuidListConverter.class)
    @Column(name = "treatment_ids")
    public List<UUID> treatmentIds;
    @Convert(converter = JsonText.WeeklyHoursConverter.class)
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
