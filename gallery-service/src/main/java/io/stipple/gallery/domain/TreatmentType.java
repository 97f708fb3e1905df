package io.stipple.gallery.domain;

public enum TreatmentType {
    PERMANENT_SMP, TRICOPIGMENTATION, SCAR_CAMOUFLAGE
}
