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

/** One grant or withdrawal of a consent. The history is append-only; the latest record per scope is current. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    public UUID id;

    /** Insertion order (database sequence): the order of the history. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "client_id", updatable = false)
    public UUID clientId;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Enumerated(EnumType.STRING)
    public ConsentScope scope;

    /** Only for {@link ConsentScope#PARTNER_SHARING}. */
    @Column(name = "partner_id")
    public String partnerId;

    @Enumerated(EnumType.STRING)
    public ConsentAction action;

    /** Version of the consent text granted (or, for a withdrawal, the version withdrawn). */
    @Column(name = "text_version")
    public String textVersion;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_role")
    public String recordedRole;

    public boolean isGrant() {
        return action == ConsentAction.GRANTED;
    }
}
