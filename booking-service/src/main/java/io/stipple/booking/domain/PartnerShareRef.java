package io.stipple.booking.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A PARTNER_SHARING consent in force: the partner may book for the client. Written by the projection. */
@Entity
@Table(name = "partner_share")
@IdClass(PartnerShareRef.Key.class)
public class PartnerShareRef {

    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Id
    @Column(name = "partner_id")
    public String partnerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "granted_at")
    public Instant grantedAt;

    public static class Key implements Serializable {
        public UUID clientId;
        public String partnerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(partnerId, k.partnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, partnerId);
        }
    }
}
