package io.stipple.gallery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.stipple.platform.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A before/after set: a BEFORE photo and an AFTER or HEALED photo of the same client and angle, moderated
 * draft → submitted → published → withdrawn. What the public gallery may show about it (treatment, condition,
 * stage, skin type) is copied from the client projection when it is published, never the client's identity.
 */
@Entity
@Table(name = "photo_set")
public class PhotoSet extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Angle angle;

    @Column(name = "before_photo_id", nullable = false)
    public UUID beforePhotoId;

    @Column(name = "after_photo_id", nullable = false)
    public UUID afterPhotoId;

    @Enumerated(EnumType.STRING)
    @Column(name = "after_phase", nullable = false)
    public Phase afterPhase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SetStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_reason")
    public WithdrawalReason withdrawalReason;

    @Column(name = "moderation_note")
    public String moderationNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_type")
    public TreatmentType treatmentType;

    @Column(name = "condition")
    public String condition;

    @Column(name = "scale")
    public String scale;

    @Column(name = "stage")
    public String stage;

    @Column(name = "fitzpatrick_type")
    public Integer fitzpatrickType;

    @Column(name = "clinic_name")
    public String clinicName;

    /** Object name of the cached composite image, rendered on first request. */
    @Column(name = "composite_key")
    public String compositeKey;

    @Version
    public long version;

    /**
     * Pairs two photos into a draft set. Both must be the same client's, of the same angle; the first a BEFORE
     * photo, the second an AFTER or HEALED one taken later.
     */
    public static PhotoSet pair(Photo before, Photo after, String createdBy, Instant now) {
        if (!before.clientId.equals(after.clientId) || !before.clinicId.equals(after.clinicId)) {
            throw new RuleViolation("set-photos-mismatch", "Both photos must be of the same client");
        }
        if (before.phase != Phase.BEFORE) {
            throw new RuleViolation("set-photos-mismatch",
                    "beforePhotoId must be a BEFORE photo but is " + before.phase);
        }
        if (!after.phase.showsResult()) {
            throw new RuleViolation("set-photos-mismatch",
                    "afterPhotoId must be an AFTER or HEALED photo but is " + after.phase);
        }
        if (before.angle != after.angle) {
            throw new RuleViolation("set-photos-mismatch",
                    "Both photos must show the same angle (" + before.angle + " vs " + after.angle + ")");
        }
        if (!after.takenAt.isAfter(before.takenAt)) {
            throw new RuleViolation("set-photos-mismatch",
                    "The after photo must have been taken after the before photo");
        }
        PhotoSet set = new PhotoSet();
        set.id = UUID.randomUUID();
        set.clinicId = before.clinicId;
        set.clientId = before.clientId;
        set.angle = before.angle;
        set.beforePhotoId = before.id;
        set.afterPhotoId = after.id;
        set.afterPhase = after.phase;
        set.status = SetStatus.DRAFT;
        set.createdAt = now;
        set.createdBy = createdBy;
        return set;
    }

    /** A proposed before/after pairing. */
    public record Pairing(Angle angle, Photo before, Photo after) {
    }

    /**
     * Proposes, per angle, the strongest before/after pairing of a client's photos across sessions: the earliest
     * BEFORE photo with the latest AFTER or HEALED photo taken after it (a HEALED one when there is one, since
     * healed results are what the gallery shows best). Angles without both are left out.
     */
    public static java.util.List<Pairing> suggestPairings(java.util.List<Photo> photos) {
        java.util.List<Pairing> pairings = new java.util.ArrayList<>();
        for (Angle angle : Angle.values()) {
            Photo before = photos.stream()
                    .filter(p -> p.angle == angle && p.phase == Phase.BEFORE)
                    .min(java.util.Comparator.comparing((Photo p) -> p.takenAt).thenComparing(p -> p.id))
                    .orElse(null);
            if (before == null) {
                continue;
            }
            java.util.List<Photo> results = photos.stream()
                    .filter(p -> p.angle == angle && p.phase.showsResult() && p.takenAt.isAfter(before.takenAt))
                    .toList();
            java.util.Comparator<Photo> latest = java.util.Comparator.comparing((Photo p) -> p.takenAt).thenComparing(p -> p.id);
            results.stream().filter(p -> p.phase == Phase.HEALED).max(latest)
                    .or(() -> results.stream().max(latest))
                    .ifPresent(after -> pairings.add(new Pairing(angle, before, after)));
        }
        return pairings;
    }

    public boolean contains(UUID photoId) {
        return beforePhotoId.equals(photoId) || afterPhotoId.equals(photoId);
    }

    /** Staff hand a draft to the moderators. */
    public void submit(Instant now) {
        requireStatus(SetStatus.DRAFT, "submit");
        status = SetStatus.SUBMITTED;
        submittedAt = now;
        moderationNote = null;
    }

    /**
     * A moderator publishes a submitted set. Needs the client's public-gallery (and clinical-photos) consent at
     * this moment; the public facts are copied from the projection.
     */
    public void publish(ClientProfile profile, String moderator, String knownClinicName, Instant now) {
        requireStatus(SetStatus.SUBMITTED, "publish");
        if (profile == null || !profile.mayPublish()) {
            throw new RuleViolation("public-gallery-consent-required",
                    "The client has not given (or has withdrawn) consent to the public gallery");
        }
        status = SetStatus.PUBLISHED;
        publishedAt = now;
        publishedBy = moderator;
        treatmentType = profile.treatmentType;
        condition = profile.condition;
        scale = profile.scale;
        stage = profile.stage;
        fitzpatrickType = profile.fitzpatrickType;
        clinicName = knownClinicName;
    }

    /** A moderator sends a submitted set back to draft with a note. */
    public void reject(String note) {
        requireStatus(SetStatus.SUBMITTED, "reject");
        status = SetStatus.DRAFT;
        moderationNote = note;
    }

    /**
     * Takes the set out of moderation or the public gallery for good.
     *
     * @return true when it was public (so PhotoWithdrawn must be published)
     */
    public boolean withdraw(WithdrawalReason reason, Instant now) {
        if (status == SetStatus.WITHDRAWN) {
            return false;
        }
        boolean wasPublic = status == SetStatus.PUBLISHED;
        status = SetStatus.WITHDRAWN;
        withdrawnAt = now;
        withdrawalReason = reason;
        return wasPublic;
    }

    public boolean isPublished() {
        return status == SetStatus.PUBLISHED;
    }

    private void requireStatus(SetStatus expected, String action) {
        if (status != expected) {
            throw RuleViolation.conflict("invalid-set-transition",
                    "Cannot " + action + " a set that is " + status + " (it must be " + expected + ")")
                    .with("status", status.name());
        }
    }
}
