package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A clinic (the tenant): where it is, its IANA zone, its week and its cancellation notice. */
@Entity
@Table(name = "clinic")
public class Clinic extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "address_line1")
    public String addressLine1;
    @Column(name = "address_line2")
    public String addressLine2;
    public String city;
    public String postcode;
    public String country;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "opening_hours")
    public List<WeeklyHours> openingHours;
    @Column(name = "cancellation_notice_hours")
    public int cancellationNoticeHours;
    /** How long a slot hold lasts (1 to 15 minutes; 5 unless the clinic says otherwise). */
    @Column(name = "hold_minutes")
    public int holdMinutes = 5;
    /** How freed time is offered to the waitlist (first in line unless the clinic says otherwise). */
    @Enumerated(EnumType.STRING)
    @Column(name = "waitlist_mode")
    public WaitlistMode waitlistMode = WaitlistMode.FIRST_IN_LINE;
    /** How long a waitlist offer stands (5 to 1440 minutes; 60 unless the clinic says otherwise). */
    @Column(name = "waitlist_offer_minutes")
    public int waitlistOfferMinutes = 60;
    /** Whether and how much of a deposit a booking needs (none unless the clinic says otherwise). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deposit_policy")
    public DepositPolicy depositPolicy;
    /** How long a booking waiting for its deposit keeps its time (5 to 1440 minutes; 30 unless the clinic says otherwise). */
    @Column(name = "payment_minutes")
    public int paymentMinutes = 30;
    /** What a late cancellation or a no-show costs out of a paid deposit ({@link CancellationFees#DEFAULT} when null). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cancellation_fees")
    public CancellationFees cancellationFees;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public DepositPolicy depositPolicy() {
        return depositPolicy != null ? depositPolicy : DepositPolicy.NONE;
    }

    public CancellationFees cancellationFees() {
        return cancellationFees != null ? cancellationFees : CancellationFees.DEFAULT;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
