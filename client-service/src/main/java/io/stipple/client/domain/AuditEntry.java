package io.stipple.client.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.UUID;

/** Someone read or changed a client's medical data or consents. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The token subject of who did it. */
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    /** CLIENT, ASSESSMENT, SCREENING, CONSENT, PLAN. */
    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public UUID resourceId;

    public String detail;
}
