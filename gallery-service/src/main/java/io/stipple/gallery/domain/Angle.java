package io.stipple.gallery.domain;

/** The view a photo shows; before/after sets pair photos of the same angle. */
public enum Angle {
    FRONT, TOP, CROWN, LEFT, RIGHT, BACK, HAIRLINE, DONOR_AREA, SCAR_CLOSE_UP
}
