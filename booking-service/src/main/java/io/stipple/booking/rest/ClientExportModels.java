package io.stipple.booking.rest;

import io.stipple.booking.domain.TreatmentType;
import io.stipple.booking.rest.BookingModels.BookingView;
import io.stipple.booking.rest.BookingModels.SessionRecordView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** API records of booking-service's part of a client's GDPR export. */
public final class ClientExportModels {

    private ClientExportModels() {
    }

    @Schema(name = "BookingClientExport", description = "Everything booking-service holds about one client of the "
            + "caller's clinic (GDPR Art. 15/20). Booking times are in the clinic's zone, with offset.")
    public record BookingClientExport(
            @Schema(example = "2026-11-25T12:00:00Z") Instant exportedAt,
            @Schema(example = "0b6b4d8e-2f41-4c9e-8a3b-5d7e9f1a2c34") UUID clinicId,
            @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
            @Schema(description = "What client-service told booking-service about the client") ClientFacts client,
            @Schema(description = "The client's treatment plans as client-service announced them") List<PlanFacts> treatmentPlans,
            @Schema(description = "Every booking of the client, consultations included, in any state, by start") List<BookingView> bookings,
            @Schema(description = "What was done in each completed session") List<SessionRecordView> sessionRecords) {
    }

    @Schema(name = "BookingClientFacts", description = "booking-service's projection of the client")
    public record ClientFacts(
            @Schema(example = "Sam") String firstName,
            @Schema(example = "Okafor") String lastName,
            @Schema(example = "MALE") String sex,
            @Schema(example = "NORWOOD") String scale,
            @Schema(example = "6") String stage,
            @Schema(example = "ANDROGENETIC_ALOPECIA") String condition,
            @Schema(example = "70") Integer coveragePercent,
            @Schema(example = "ELIGIBLE") String eligibility,
            @Schema(example = "false") Boolean screeningReviewed,
            @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
    }

    @Schema(name = "BookingPlanFacts", description = "A treatment plan of the client as booking-service knows it")
    public record PlanFacts(
            @Schema(example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
            @Schema(example = "PERMANENT_SMP") TreatmentType treatmentType,
            @Schema(example = "3") int plannedSessions,
            @Schema(example = "7") int healingIntervalDays,
            @Schema(example = "NORWOOD") String scale,
            @Schema(example = "6") String stage,
            @Schema(example = "ANDROGENETIC_ALOPECIA") String condition,
            @Schema(example = "70") Integer coveragePercent,
            @Schema(example = "ELIGIBLE") String eligibility,
            @Schema(example = "MALE") String sex,
            @Schema(example = "AGREED") String status,
            @Schema(example = "2026-11-25T12:00:00Z") Instant agreedAt,
            @Schema(example = "2027-01-10T12:00:00Z") Instant closedAt,
            @Schema(example = "2026-11-25T12:00:00Z") Instant updatedAt) {
    }
}
