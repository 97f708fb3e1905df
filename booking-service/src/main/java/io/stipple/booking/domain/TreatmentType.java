package io.stipple.booking.domain;

/** EVENTS.md {@code TreatmentType}. */
public enum TreatmentType {
    PERMANENT_SMP, TRICOPIGMENTATION, SCAR_CAMOUFLAGE
}
