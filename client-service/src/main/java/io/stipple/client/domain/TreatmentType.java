package io.stipple.client.domain;

public enum TreatmentType { PERMANENT_SMP, TRICOPIGMENTATION, SCAR_CAMOUFLAGE }
