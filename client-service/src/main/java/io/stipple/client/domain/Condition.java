package io.stipple.client.domain;

/** The cause of the hair loss or mark being treated. */
public enum Condition {
    ANDROGENETIC, DIFFUSE_THINNING, ALOPECIA_AREATA, ALOPECIA_TOTALIS, ALOPECIA_UNIVERSALIS,
    SCAR_FUT, SCAR_FUE, SCAR_SCALP_REDUCTION, SCAR_TRAUMA, SCAR_BURN, BIRTHMARK, OTHER;

    public boolean isScar() {
        return name().startsWith("SCAR_");
    }
}
