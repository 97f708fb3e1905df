package io.stipple.gallery.domain;

/** When a photo was taken relative to the treatment. */
public enum Phase {
    BEFORE, AFTER, HEALED;

    /** Whether a photo of this phase can be the "after" half of a before/after set. */
    public boolean showsResult() {
        return this == AFTER || this == HEALED;
    }
}
