package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
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

    @Column(name = "opted_out_channels", nullable = false)
    public String optedOutChannels = "";

    @Column(name = "maintenance_tips", nullable = false)
    public boolean maintenanceTips = true;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<Channel> optedOut() {
        return Channel.parseList(optedOutChannels);
    }

    public boolean hasOptedOutOf(Channel channel) {
        return optedOut().contains(channel);
    }
}
