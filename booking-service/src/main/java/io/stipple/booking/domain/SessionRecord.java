package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What was done in a completed session: areas, pigment (traceable by lot), needles, duration, notes. */
@Entity
@Table(name = "session_record")
public class SessionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "session_number")
    public Integer sessionNumber;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "areas_treated")
    public List<String> areasTreated;
    @Column(name = "pigment_brand")
    public String pigmentBrand;
    @Column(name = "pigment_shade")
    public String pigmentShade;
    @Column(name = "pigment_dilution")
    public String pigmentDilution;
    @Column(name = "pigment_lot")
    public String pigmentLot;
    @Column(name = "pigment_expiry")
    public LocalDate pigmentExpiry;
    @Column(name = "needle_configuration")
    public String needleConfiguration;
    @Column(name = "actual_duration_minutes")
    public int actualDurationMinutes;
    @Column(name = "technician_notes")
    public String technicianNotes;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
}
