package io.stipple.client.domain;

import io.stipple.platform.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A dated hair-loss assessment; a client's assessments form their history, the latest is current. */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    public UUID id;

    @Column(name = "client_id", updatable = false)
    public UUID clientId;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Enumerated(EnumType.STRING)
    public HairLossScale scale;

    public String stage;

    @Enumerated(EnumType.STRING)
    public Condition condition;

    @Column(name = "coverage_percent")
    public int coveragePercent;

    @Column(name = "fitzpatrick_type")
    public int fitzpatrickType;

    @Column(name = "hair_colour")
    public String hairColour;

    @Enumerated(EnumType.STRING)
    @Column(name = "desired_look")
    public DesiredLook desiredLook;

    @Embedded
    public ScarDetails scar;

    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * Refuses inconsistent combinations, naming the field: a stage that is not on the scale, coverage outside
     * 0-100 %, a Fitzpatrick type outside I-VI, scar camouflage without a scar, scar details missing for a scar
     * (or given for something else), a scar without its size.
     */
    public void checkConsistent() {
        if (scale == HairLossScale.NONE && stage != null) {
            throw RuleViolation.invalidValue("stage", "must be null when scale is NONE");
        }
        if (!scale.allows(stage)) {
            throw RuleViolation.invalidValue("stage", "is not a " + scale + " stage; one of " + scale.stages());
        }
        if (coveragePercent < 0 || coveragePercent > 100) {
            throw RuleViolation.invalidValue("coveragePercent", "must be between 0 and 100");
        }
        if (fitzpatrickType < 1 || fitzpatrickType > 6) {
            throw RuleViolation.invalidValue("fitzpatrickType", "must be between 1 and 6");
        }
        if (desiredLook == DesiredLook.SCAR_CAMOUFLAGE && !condition.isScar()) {
            throw RuleViolation.invalidValue("condition", "scar camouflage needs a SCAR_* condition");
        }
        if (condition.isScar()) {
            if (scar == null) {
                throw RuleViolation.invalidValue("scar", "is required for a scar condition");
            }
            if (scar.maturity == null) {
                throw RuleViolation.invalidValue("scar.maturity", "is required");
            }
            if (condition == Condition.SCAR_FUE && scar.areaCm2 == null) {
                throw RuleViolation.invalidValue("scar.areaCm2", "is required for FUE extraction scars");
            }
            if (condition != Condition.SCAR_FUE && scar.lengthMm == null) {
                throw RuleViolation.invalidValue("scar.lengthMm", "is required for a " + condition + " scar");
            }
        } else if (scar != null) {
            throw RuleViolation.invalidValue("scar", "is only for SCAR_* conditions");
        }
    }
}
