package io.stipple.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One reminder on one channel, from scheduling to its final state: the delivery log entry. Written by
 * the scheduler and the dispatcher with SQL (claims need {@code FOR UPDATE SKIP LOCKED}); read here.
 */
@Entity
@Table(name = "scheduled_reminder")
public class ScheduledReminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    /** Null once the client was erased (the log entry stays, anonymised). */
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(name = "plan_id")
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "dedupe_key", nullable = false)
    public String dedupeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public String zone;

    public String locale;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    public int attempts;

    public String recipient;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
