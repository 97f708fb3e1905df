package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A partner's endpoint receiving chosen event types of one clinic, signed with its own secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    /**
     * Who manages the subscription: the partner id of the partner that created it, or null for the clinic's own
     * (created by an admin). A partner's subscription receives a client's events only while that client shares
     * with that partner, and only the partner view of them ({@link PartnerEventView}).
     */
    @Column(name = "owner_partner_id")
    public String ownerPartnerId;

    @Column(nullable = false)
    public String url;

    /** HMAC key; shown to the subscriber once, when the subscription is created. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public List<String> eventTypeList() {
        return Arrays.stream(eventTypes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean partnerOwned() {
        return ownerPartnerId != null;
    }

    public boolean wants(String eventType) {
        return active && eventTypeList().contains(eventType);
    }
}
