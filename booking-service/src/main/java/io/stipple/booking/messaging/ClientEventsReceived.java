package io.stipple.booking.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of the {@code stipple.clients} events this service receives and projects (unknown fields are ignored). */
public final class ClientEventsReceived {

    private ClientEventsReceived() {
    }

    /** ClientRegistered and ClientUpdated. */
    public record ClientDetails(UUID clientId, String firstName, String lastName, String sex) {
    }

    public record AssessmentRecorded(UUID clientId, UUID assessmentId, Instant assessedAt, String scale, String stage,
                                     String condition, Integer coveragePercent) {
    }

    public record ScreeningRecorded(UUID clientId, UUID screeningId, String eligibility, Boolean reviewed,
                                    List<String> reasons) {
    }

    public record TreatmentPlanAgreed(UUID clientId, UUID planId, String treatmentType, Integer plannedSessions,
                                      Integer healingIntervalDays, String scale, String stage, String condition,
                                      Integer coveragePercent, String eligibility, String sex, Instant agreedAt,
                                      Boolean healingIntervalOverridden) {
    }

    /** TreatmentPlanCancelled and TreatmentPlanCompleted. */
    public record TreatmentPlanClosed(UUID clientId, UUID planId, Instant occurredAt, String reason) {
    }

    public record ClientErased(UUID clientId, Instant erasedAt) {
    }
}
