package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A booking as booking-service announced it (projection). */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";
    public static final String NO_SHOW = "NO_SHOW";
    public static final String COMPLETED = "COMPLETED";

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "session_number")
    public Integer sessionNumber;

    @Column(name = "treatment_name")
    public String treatmentName;

    @Column(name = "clinic_name")
    public String clinicName;

    @Column(name = "clinic_time_zone", nullable = false)
    public String clinicTimeZone;

    @Column(name = "technician_name")
    public String technicianName;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "preparation_notes")
    public String preparationNotes;

    /**
     * The token of the booking's self-service manage link (BookingConfirmed since booking AsyncAPI 1.1.0), or null.
     * A secret: rendered into the client's reminders only, never logged, exported or forwarded.
     */
    @Column(name = "manage_token")
    public String manageToken;

    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ZoneId zone() {
        return Zones.orUtc(clinicTimeZone);
    }

    public boolean isConfirmed() {
        return CONFIRMED.equals(status);
    }
}
