package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What client-service told us about how to reach a client. */
@Entity
@Table(name = "client_contact")
@IdClass(ClientKey.class)
public class ClientContact extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    public String phone;

    public String sex;

    @Column(name = "time_zone")
    public String timeZone;

    public String locale;

    /** A {@code text[]} of channel names (V5; the comma list {@code preferred_channels} is kept in step by a trigger). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel_list", nullable = false)
    public List<Channel> preferredChannels = new ArrayList<>();

    @Column(name = "marketing_opt_in", nullable = false)
    public boolean marketingOptIn;

    @Column(name = "marketing_consent", nullable = false)
    public boolean marketingConsent;

    /** The client record's version in client-service: an older update arriving late is ignored. */
    @Column(name = "client_version", nullable = false)
    public long clientVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Channel> preferred() {
        return Channel.ordered(preferredChannels);
    }

    /** The client's own zone when known and valid. */
    public ZoneId zoneOr(ZoneId fallback) {
        return Zones.parse(timeZone).orElse(fallback);
    }

    /** May receive marketing-type messages (maintenance tips). */
    public boolean allowsMarketing() {
        return marketingOptIn || marketingConsent;
    }
}
