package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
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

    /** The current signing secret; shown to the subscriber once, when it is made (creation or rotation). */
    @Column(nullable = false)
    public String secret;

    /** {@code STANDARD} ({@code whsec_} + base64 key) or {@code LEGACY} (from before Standard Webhooks signing). */
    @Enumerated(EnumType.STRING)
    @Column(name = "secret_scheme", nullable = false)
    public WebhookSecrets.Scheme secretScheme;

    /** The secret before the last rotation, still signing until {@link #previousSecretUntil}; never shown again. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_secret_scheme")
    public WebhookSecrets.Scheme previousSecretScheme;

    /** End of the previous secret's overlap window. */
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    /** When the secret was last rotated (null: never). */
    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

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

    /** The secrets it signs with (see {@link WebhookSecrets} for the rules). */
    public WebhookSecrets secrets() {
        return new WebhookSecrets(secret, secretScheme, previousSecret, previousSecretScheme, previousSecretUntil);
    }

    /** A new Standard Webhooks secret at {@code now}; the one before keeps signing for the {@code overlap}. */
    public void rotateSecret(String newSecret, Instant now, Duration overlap) {
        WebhookSecrets rotated = secrets().rotate(newSecret, now, overlap);
        secret = rotated.current();
        secretScheme = rotated.currentScheme();
        previousSecret = rotated.previous();
        previousSecretScheme = rotated.previousScheme();
        previousSecretUntil = rotated.previousUntil();
        secretRotatedAt = now;
    }

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
