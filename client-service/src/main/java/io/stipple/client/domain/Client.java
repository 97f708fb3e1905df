package io.stipple.client.domain;

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
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A clinic's client: contact details and preferences. Medical data hangs off it in its own tables. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    /** Lower-cased. */
    public String email;

    /** E.164 or null. */
    public String phone;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Column(name = "gender_identity")
    public String genderIdentity;

    /** IANA zone id. */
    @Column(name = "time_zone")
    public String timeZone;

    /** BCP 47 tag, e.g. {@code en-GB}. */
    public String locale;

    @Column(name = "preferred_channels")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> preferredChannels;

    @Column(name = "marketing_opt_in")
    public boolean marketingOptIn;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public List<Channel> channels() {
        return preferredChannels.stream().map(Channel::valueOf).toList();
    }

    public void channels(List<Channel> channels) {
        preferredChannels = channels.stream().distinct().map(Enum::name).toList();
    }

    /** Normalises an email for storage and duplicate checks. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Age in whole years on the client's local date at {@code instant}. */
    public int ageAt(Instant instant) {
        return Period.between(dateOfBirth, instant.atZone(zone()).toLocalDate()).getYears();
    }

    /** True when the client is younger than {@code adultAge} at {@code instant}. */
    public boolean isMinorAt(Instant instant, int adultAge) {
        return ageAt(instant) < adultAge;
    }
}
