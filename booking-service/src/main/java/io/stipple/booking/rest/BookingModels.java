package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.stipple.booking.domain.BookingKind;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.CancelledBy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** API records of bookings, availability and session records. */
public final class BookingModels {

    private BookingModels() {
    }

    @Schema(name = "HealingOverride", description = "Admin only: book a plan session with a shorter healing interval "
            + "than the rules allow. Who (the token's subject) and why are recorded on the booking.")
    public record HealingOverride(
            @NotNull @Min(1) @Max(365) @Schema(example = "5") Integer intervalDays,
            @NotBlank @Size(max = 500) @Schema(example = "Client emigrates on the 20th; healing checked in person") String reason) {
    }

    @Schema(name = "CreateBookingRequest")
    public record CreateBookingRequest(
            @Schema(description = "Required for staff and partners; a client token books for itself", example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
            @NotNull @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
            @NotNull @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
            @Schema(description = "Optional: a free room is chosen when omitted", example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID roomId,
            @Schema(description = "For plan sessions; defaults to the client's agreed plan of the treatment's type", example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
            @NotNull @Schema(example = "2026-12-01T10:00:00Z") OffsetDateTime startsAt,
            @Size(max = 2000) @Schema(example = "Shave the head 24 hours before; no alcohol the night before") String preparationNotes,
            @Valid HealingOverride healingOverride) {
    }

    @Schema(name = "RescheduleRequest", description = "Moves the booking (same id); technician and room stay unless given.")
    public record RescheduleRequest(
            @NotNull @Schema(example = "2026-12-02T10:00:00Z") OffsetDateTime startsAt,
            @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
            @Schema(example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID roomId,
            @Valid HealingOverride healingOverride) {
    }

    @Schema(name = "CancelRequest")
    public record CancelRequest(@NotBlank @Size(max = 500) @Schema(example = "Client is unwell") String reason) {
    }

    @Schema(name = "Pigment")
    public record Pigment(
            @NotBlank @Size(max = 100) @Schema(example = "Perma Blend") String brand,
            @NotBlank @Size(max = 100) @Schema(example = "SMP Dark 2") String shade,
            @NotBlank @Size(max = 50) @Schema(example = "1:3") String dilution,
            @NotBlank @Size(max = 100) @Schema(example = "LOT-24-0917") String lot,
            @NotNull @Schema(example = "2027-06-30") LocalDate expiry) {
    }

    @Schema(name = "CompleteBookingRequest", description = "What was done. For consultations every field may be omitted; "
            + "for treatment sessions areasTreated, pigment, needleConfiguration and actualDurationMinutes are required.")
    public record CompleteBookingRequest(
            @Size(max = 20) @Schema(example = "[\"HAIRLINE\", \"CROWN\"]") List<@NotBlank @Size(max = 50) String> areasTreated,
            @Valid Pigment pigment,
            @Size(max = 100) @Schema(example = "3RL 0.18 mm") String needleConfiguration,
            @Positive @Max(720) @Schema(example = "135") Integer actualDurationMinutes,
            @Size(max = 4000) @Schema(example = "Light pressure at the crown; client tolerated well") String technicianNotes) {
    }

    @Schema(name = "HealingOverrideRecord")
    public record HealingOverrideView(
            @Schema(example = "5") int intervalDays,
            @Schema(example = "admin-7") String by,
            @Schema(example = "Client emigrates on the 20th; healing checked in person") String reason) {
    }

    @Schema(name = "Booking", description = "Times are in the clinic's zone, with offset.")
    public record BookingView(
            @Schema(example = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9") UUID id,
            @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
            @Schema(example = "SMP_SESSION") BookingKind kind,
            @Schema(example = "CONFIRMED") BookingStatus status,
            @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
            @Schema(example = "7c6b5a49-3827-4165-9e8d-7c6b5a493827") UUID planId,
            @Schema(example = "2") Integer sessionNumber,
            @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID technicianId,
            @Schema(example = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a") UUID roomId,
            @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T10:00:00Z") OffsetDateTime startsAt,
            @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-12-01T12:00:00Z") OffsetDateTime endsAt,
            @Schema(description = "Clean-up after the session", example = "30") long bufferMinutes,
            @Schema(example = "Shave the head 24 hours before") String preparationNotes,
            HealingOverrideView healingOverride,
            @Schema(example = "CLIENT") CancelledBy cancelledBy,
            @Schema(example = "Client is unwell") String cancelReason,
            Instant cancelledAt,
            Instant checkedInAt,
            Instant noShowAt,
            Instant completedAt,
            @Schema(description = "While HELD: when the slot hold runs out and the time is free again", example = "2026-11-25T09:05:00Z") Instant holdExpiresAt,
            @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
            @Schema(example = "0") long version) {
    }

    @Schema(name = "SessionRecord")
    public record SessionRecordView(
            @Schema(example = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9") UUID bookingId,
            @Schema(example = "2") Integer sessionNumber,
            List<String> areasTreated,
            Pigment pigment,
            @Schema(example = "3RL 0.18 mm") String needleConfiguration,
            @Schema(example = "135") int actualDurationMinutes,
            @Schema(example = "Light pressure at the crown") String technicianNotes,
            @Schema(example = "tech-sam") String recordedBy,
            @Schema(example = "2026-12-01T12:15:00Z") Instant completedAt) {
    }

    @Schema(name = "AvailableTechnician")
    public record TechnicianRef(
            @Schema(example = "a3d8c2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @Schema(example = "Sam Okafor") String displayName) {
    }

    @Schema(name = "Slot", description = "A free start time and the technicians free for the whole session then")
    public record Slot(
            @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-03-29T02:00:00+01:00") OffsetDateTime startsAt,
            @JsonSerialize(using = ClinicTime.class) @Schema(example = "2026-03-29T04:00:00+01:00") OffsetDateTime endsAt,
            List<UUID> technicianIds) {
    }

    @Schema(name = "Availability")
    public record AvailabilityView(
            @Schema(example = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b") UUID treatmentId,
            @Schema(example = "2b9f4c1e-7d3a-4e5b-9c8d-1f2e3a4b5c6d") UUID clientId,
            @Schema(example = "Europe/London") String timeZone,
            @Schema(example = "2026-03-29") LocalDate from,
            @Schema(example = "2026-04-04") LocalDate to,
            @Schema(description = "This client's session length", example = "120") long sessionMinutes,
            @Schema(example = "30") long bufferMinutes,
            @Schema(description = "The healing interval's earliest start for the next plan session, if any")
            @JsonSerialize(using = ClinicTime.class) OffsetDateTime earliestStart,
            List<TechnicianRef> technicians,
            List<Slot> slots) {
    }
}
