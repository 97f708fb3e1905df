package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event to one subscription, with its attempts: the webhook delivery log. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Waiting for its (next) attempt. */
    public static final String PENDING = "PENDING";
    /** Claimed by a dispatcher posting it now. */
    public static final String SENDING = "SENDING";
    /** The receiver answered 2xx. */
    public static final String DELIVERED = "DELIVERED";
    /** Every attempt failed; only a manual redelivery sends it again. */
    public static final String DEAD = "DEAD";
    /** Not sent, and never will be: see {@link #statusReason}. */
    public static final String CANCELLED = "CANCELLED";

    /** Cancelled: the client it was about was erased. */
    public static final String CLIENT_ERASED = "CLIENT_ERASED";
    /** Cancelled: the client does not (or no longer) share with the subscription's partner. */
    public static final String NOT_SHARED = "NOT_SHARED";

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public String status;

    /** Why a delivery was cancelled ({@link #CLIENT_ERASED}, {@link #NOT_SHARED}). */
    @Column(name = "status_reason")
    public String statusReason;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
