package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "BookingClientExport", description = "Everything booking-service holds about one client of the "
        + "caller's clinic (GDPR Art. 15/20). Booking times are in the clinic's zone, with offset.")
public record BookingClientExport(
        @Schema(example = "2026-11-25T12:00:00Z") Instant exportedAt,
        @Schema(example = "0b6b4d8e-2f41-4c9e-8a3b-5d7e9f1a2c34") UUID clinicId,
        @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
        @Schema(description = "What client-service told booking-service about the client") ClientFacts client,
        @Schema(description = "The client's treatment plans as client-service announced them") List<PlanFacts> treatmentPlans,
        @Schema(description = "Every booking of the client, consultations included, in any state, by start, each with its deposit and the money decisions on it (never a client secret)") List<BookingView> bookings,
        @Schema(description = "What was done in each completed session") List<SessionRecordView> sessionRecords) {
}
