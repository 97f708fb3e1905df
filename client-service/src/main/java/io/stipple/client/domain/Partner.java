package io.stipple.client.domain;

import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A partner a clinic registered (a hair-loss clinic, a wig maker, an insurer…): the only partners a client can
 * share with and whose tokens are accepted. The id is chosen by the clinic and is what partner tokens carry in
 * {@code partner_id}; it is only meaningful inside its clinic.
 */
@Entity
@Table(name = "partner")
@IdClass(Partner.Key.class)
public class Partner {

    @Id
    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Id
    @Column(name = "partner_id", updatable = false)
    public String partnerId;

    public String name;

    @Enumerated(EnumType.STRING)
    public PartnerStatus status;

    @Column(name = "registered_at", updatable = false)
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A newly registered partner of the clinic, active at once. */
    public static Partner register(UUID clinicId, String partnerId, String name, Instant at) {
        requireValidId(partnerId);
        Partner p = new Partner();
        p.clinicId = Objects.requireNonNull(clinicId, "clinicId");
        p.partnerId = partnerId;
        p.name = name.trim();
        p.status = PartnerStatus.ACTIVE;
        p.registeredAt = at;
        p.updatedAt = at;
        return p;
    }

    /** New name and status; always a new version. */
    public void change(String newName, PartnerStatus newStatus, Instant at) {
        name = newName.trim();
        status = Objects.requireNonNull(newStatus, "status");
        updatedAt = at;
    }

    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }

    /** Partner ids are {@link PartnerDirectory#PARTNER_ID}: 2–100 characters, URL- and claim-safe. */
    public static void requireValidId(String partnerId) {
        if (partnerId == null || !PartnerDirectory.PARTNER_ID.matcher(partnerId).matches()) {
            throw RuleViolation.invalidValue("partnerId", "must be 2 to 100 characters: lower-case letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** The primary key: (clinic, partner id). */
    public static class Key implements Serializable {
        public UUID clinicId;
        public String partnerId;

        public Key() {
        }

        public Key(UUID clinicId, String partnerId) {
            this.clinicId = clinicId;
            this.partnerId = partnerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clinicId, k.clinicId) && Objects.equals(partnerId, k.partnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, partnerId);
        }
    }
}
