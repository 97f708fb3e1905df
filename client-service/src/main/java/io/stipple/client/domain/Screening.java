package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A medical screening and the eligibility derived from it; the latest screening is the one that counts. */
@Entity
@Table(name = "screening")
public class Screening {

    @Id
    public UUID id;

    @Column(name = "client_id", updatable = false)
    public UUID clientId;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Column(name = "screened_at")
    public Instant screenedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> allergies;

    @Column(name = "pigment_allergy")
    public boolean pigmentAllergy;

    @Column(name = "keloid_tendency")
    public boolean keloidTendency;

    @Column(name = "blood_thinners")
    public boolean bloodThinners;

    public boolean psoriasis;

    public boolean eczema;

    @Column(name = "active_scalp_infection")
    public boolean activeScalpInfection;

    public boolean pregnant;

    public boolean minor;

    @Column(name = "guardian_consent")
    public boolean guardianConsent;

    public String notes;

    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> reasons;

    public boolean reviewed;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_notes")
    public String reviewNotes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** Records the answers and derives the eligibility from them. */
    public void apply(ScreeningAnswers answers) {
        allergies = answers.allergies();
        pigmentAllergy = answers.pigmentAllergy();
        keloidTendency = answers.keloidTendency();
        bloodThinners = answers.bloodThinners();
        psoriasis = answers.psoriasis();
        eczema = answers.eczema();
        activeScalpInfection = answers.activeScalpInfection();
        pregnant = answers.pregnant();
        minor = answers.minor();
        guardianConsent = answers.guardianConsent();
        ScreeningAnswers.EligibilityAssessment assessment = answers.assess();
        eligibility = assessment.eligibility();
        reasons = assessment.reasons();
        reviewed = false;
    }

    /**
     * A practitioner has reviewed the findings that needed review: the client may then go ahead. Only a
     * screening that needs review can be reviewed, and only once; not-eligible findings cannot be reviewed away.
     */
    public void markReviewed(String by, Instant at, String notes) {
        if (eligibility != Eligibility.NEEDS_REVIEW) {
            throw RuleViolation.conflict("screening-review-not-needed",
                    "Only a NEEDS_REVIEW screening can be reviewed; this one is " + eligibility);
        }
        if (reviewed) {
            throw RuleViolation.conflict("screening-already-reviewed",
                    "This screening was already reviewed by " + reviewedBy + " at " + reviewedAt);
        }
        reviewed = true;
        reviewedBy = by;
        reviewedAt = at;
        reviewNotes = notes;
    }

    /** True when treatment may go ahead on this screening: eligible, or needing review and reviewed. */
    public boolean allowsTreatment() {
        return eligibility == Eligibility.ELIGIBLE || (eligibility == Eligibility.NEEDS_REVIEW && reviewed);
    }
}
