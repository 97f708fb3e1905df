package io.stipple.gallery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the gallery knows about a client, from client-service's events: photo consents and the facts the public
 * gallery filters on. Never a name or contact detail. After ClientErased it is a tombstone that later events
 * cannot revive. Keyed by clinic and client: a client id means something only inside its clinic, so another
 * clinic's event naming the same id is another profile.
 */
@Entity
@Table(name = "client_profile")
@IdClass(ClientProfile.Key.class)
public class ClientProfile extends PanacheEntityBase {

    /** The primary key: (clinic, client). */
    public static class Key implements Serializable {
        public UUID clinicId;
        public UUID clientId;

        public Key() {
        }

        public Key(UUID clinicId, UUID clientId) {
            this.clinicId = clinicId;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clinicId, k.clinicId) && Objects.equals(clientId, k.clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, clientId);
        }
    }

    @Id
    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "clinical_photos_consent", nullable = false)
    public boolean clinicalPhotosConsent;

    @Column(name = "clinical_photos_consent_at")
    public Instant clinicalPhotosConsentAt;

    @Column(name = "public_gallery_consent", nullable = false)
    public boolean publicGalleryConsent;

    @Column(name = "public_gallery_consent_at")
    public Instant publicGalleryConsentAt;

    @Column(name = "condition")
    public String condition;

    @Column(name = "scale")
    public String scale;

    @Column(name = "stage")
    public String stage;

    @Column(name = "fitzpatrick_type")
    public Integer fitzpatrickType;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_type")
    public TreatmentType treatmentType;

    @Column(name = "treatment_known_at")
    public Instant treatmentKnownAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static ClientProfile newFor(UUID clientId, UUID clinicId, Instant now) {
        ClientProfile profile = new ClientProfile();
        profile.clientId = clientId;
        profile.clinicId = clinicId;
        profile.updatedAt = now;
        return profile;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    /** Publishing needs both photo consents, as they stand now. */
    public boolean mayPublish() {
        return !erased() && publicGalleryConsent && clinicalPhotosConsent;
    }

    /** Whether photos of this client may be uploaded. */
    public boolean mayUpload(boolean clinicalConsentRequired) {
        return !erased() && (!clinicalConsentRequired || clinicalPhotosConsent);
    }

    /**
     * Applies a consent grant or withdrawal unless a later decision for the same scope is already known
     * (events of one client arrive in order, but a replay must not undo a newer one).
     *
     * @return true when the consent changed as a result
     */
    public boolean applyConsent(ConsentScope scope, boolean granted, Instant occurredAt, Instant now) {
        Instant known = scope == ConsentScope.PUBLIC_GALLERY ? publicGalleryConsentAt : clinicalPhotosConsentAt;
        if (known != null && occurredAt != null && occurredAt.isBefore(known)) {
            return false;
        }
        Instant at = occurredAt != null ? occurredAt : now;
        if (scope == ConsentScope.PUBLIC_GALLERY) {
            publicGalleryConsent = granted;
            publicGalleryConsentAt = at;
        } else {
            clinicalPhotosConsent = granted;
            clinicalPhotosConsentAt = at;
        }
        updatedAt = now;
        return true;
    }

    /** Records the latest assessment's public facts (an older assessment never overwrites a newer one). */
    public void applyAssessment(String scale, String stage, String condition, Integer fitzpatrickType,
                                Instant assessedAt, Instant now) {
        if (this.assessedAt != null && assessedAt != null && assessedAt.isBefore(this.assessedAt)) {
            return;
        }
        this.scale = scale;
        this.stage = stage;
        this.condition = condition;
        this.fitzpatrickType = fitzpatrickType;
        this.assessedAt = assessedAt;
        this.updatedAt = now;
    }

    /** Records the treatment type of the latest plan or session. */
    public void applyTreatment(TreatmentType type, Instant knownAt, Instant now) {
        if (type == null) {
            return;
        }
        if (treatmentKnownAt != null && knownAt != null && knownAt.isBefore(treatmentKnownAt)) {
            return;
        }
        treatmentType = type;
        treatmentKnownAt = knownAt;
        updatedAt = now;
    }

    /** Forgets everything about the client but the fact of the erasure. */
    public void erase(Instant erasedAt, Instant now) {
        this.erasedAt = erasedAt != null ? erasedAt : now;
        clinicalPhotosConsent = false;
        publicGalleryConsent = false;
        clinicalPhotosConsentAt = null;
        publicGalleryConsentAt = null;
        condition = null;
        scale = null;
        stage = null;
        fitzpatrickType = null;
        assessedAt = null;
        treatmentType = null;
        treatmentKnownAt = null;
        updatedAt = now;
    }
}
