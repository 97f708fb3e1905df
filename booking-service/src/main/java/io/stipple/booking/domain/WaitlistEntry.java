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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A client waiting for a treatment: local days {@code firstDay..lastDay} (at most {@link WaitlistRangePolicy#MAX_DAYS}
 * apart), optionally one technician and a window of local start times. Its place in line is its join order
 * ({@code seq}); its life follows {@link WaitlistEntryStatus}.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    /** Join order across the service: a later join has a higher number. */
    public long seq;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "treatment_id")
    public UUID treatmentId;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Column(name = "first_day")
    public LocalDate firstDay;
    @Column(name = "last_day")
    public LocalDate lastDay;
    /** The earliest local start time the client takes, or null for any. */
    @Column(name = "earliest_time")
    public LocalTime earliestTime;
    /** The latest local start time the client takes, or null for any. */
    @Column(name = "latest_time")
    public LocalTime latestTime;
    @Enumerated(EnumType.STRING)
    public WaitlistEntryStatus status;
    @Column(name = "joined_by")
    public String joinedBy;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * Does freed time with this technician, starting at this local date and time, suit the entry? The booking rules
     * (the client's session length, hours, healing interval, …) are asked separately, by holding the slot.
     */
    public boolean wants(UUID freedTechnician, LocalDate day, LocalTime start) {
        return status == WaitlistEntryStatus.WAITING
                && (technicianId == null || technicianId.equals(freedTechnician))
                && !day.isBefore(firstDay) && !day.isAfter(lastDay)
                && (earliestTime == null || !start.isBefore(earliestTime))
                && (latestTime == null || !start.isAfter(latestTime));
    }

    /** A first-in-line offer holds a slot for this entry. */
    public void offered(Instant now) {
        status = WaitlistEntryStatus.OFFERED;
        updatedAt = now;
    }

    /** An offer ran out or was declined: back in line, in its old place (a client who left stays gone). */
    public void offerEnded(Instant now) {
        if (status == WaitlistEntryStatus.OFFERED) {
            status = WaitlistEntryStatus.WAITING;
            updatedAt = now;
        }
    }

    /** An offer was accepted: the client is booked, the entry done. */
    public void booked(Instant now) {
        status = WaitlistEntryStatus.BOOKED;
        updatedAt = now;
    }

    /** Taken off the list; 409 {@code waitlist-entry-closed} once booked (leaving twice is harmless). */
    public boolean leave(Instant now) {
        if (status == WaitlistEntryStatus.LEFT) {
            return false;
        }
        if (status == WaitlistEntryStatus.BOOKED) {
            throw RuleViolation.conflict("waitlist-entry-closed",
                    "The entry was booked through the waitlist; cancel the booking instead");
        }
        status = WaitlistEntryStatus.LEFT;
        updatedAt = now;
        return true;
    }
}
