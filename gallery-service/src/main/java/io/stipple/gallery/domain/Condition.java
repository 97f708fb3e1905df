package io.stipple.gallery.domain;

/** The hair-loss condition of the assessment (shared enum of the event contract). */
public enum Condition {
    ANDROGENETIC, DIFFUSE_THINNING, ALOPECIA_AREATA, ALOPECIA_TOTALIS, ALOPECIA_UNIVERSALIS, SCAR_FUT, SCAR_FUE,
    SCAR_SCALP_REDUCTION, SCAR_TRAUMA, SCAR_BURN, BIRTHMARK, OTHER
}
