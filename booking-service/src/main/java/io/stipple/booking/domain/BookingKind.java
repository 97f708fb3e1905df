package io.stipple.booking.domain;

/** What a booking is for (EVENTS.md {@code BookingKind}). */
public enum BookingKind {
    CONSULTATION(null),
    SMP_SESSION(TreatmentType.PERMANENT_SMP),
    TRICOPIGMENTATION_SESSION(TreatmentType.TRICOPIGMENTATION),
    SCAR_CAMOUFLAGE_SESSION(TreatmentType.SCAR_CAMOUFLAGE),
    TOP_UP(null);

    private final TreatmentType planType;

    BookingKind(TreatmentType planType) {
        this.planType = planType;
    }

    /** A session of a treatment plan: it takes a session number from the plan and follows its healing interval. */
    public boolean isPlanSession() {
        return planType != null;
    }

    /** The plan type a session of this kind belongs to, or null for consultations and top-ups. */
    public TreatmentType planType() {
        return planType;
    }

    /** Pigment goes in: the client must have been screened eligible. A consultation needs nothing. */
    public boolean needsEligibleScreening() {
        return this != CONSULTATION;
    }
}
