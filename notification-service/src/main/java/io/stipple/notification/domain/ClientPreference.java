package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A client's own choices about notifications: channels opted out of, maintenance tips on or off. */
@Entity
@Table(name = "client_preference")
@IdClass(ClientKey.class)
public class ClientPreference extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    /** A {@code text[]} of channel names (V5; the comma list {@code opted_out_channels} is kept in step by a trigger). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(name = "opted_out_channel_list", nullable = false)
    public List<Channel> optedOutChannels = new ArrayList<>();

    @Column(name = "maintenance_tips", nullable = false)
    public boolean maintenanceTips = true;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Channel> optedOut() {
        return Channel.ordered(optedOutChannels);
    }

    public boolean hasOptedOutOf(Channel channel) {
        return optedOut().contains(channel);
    }
}
