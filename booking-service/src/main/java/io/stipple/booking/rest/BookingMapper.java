package io.stipple.booking.rest;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.SessionRecord;
import io.stipple.booking.service.AvailabilityService;
import io.stipple.booking.service.BookingService;

import java.time.ZoneId;
import java.util.List;

import static io.stipple.booking.rest.ClinicTime.at;

/** The booking aggregate (booking, session record, the free times to book): requests → commands, entities → views. */
public final class BookingMapper {

    private BookingMapper() {
    }

    public static BookingService.NewBooking command(CreateBookingRequest r) {
        return new BookingService.NewBooking(r.clientId(), r.treatmentId(), r.technicianId(), r.roomId(), r.planId(),
                r.startsAt().toInstant(), r.preparationNotes(), override(r.healingOverride()));
    }

    public static BookingService.NewSeries command(CreateSeriesRequest r) {
        return new BookingService.NewSeries(r.clientId(), r.treatmentId(), r.planId(), r.sessions().stream()
                .map(s -> new BookingService.SeriesSession(s.startsAt().toInstant(), s.technicianId(), s.roomId())).toList(),
                r.preparationNotes());
    }

    public static BookingService.Reschedule command(RescheduleRequest r) {
        return new BookingService.Reschedule(r.startsAt().toInstant(), r.technicianId(), r.roomId(),
                override(r.healingOverride()), Boolean.TRUE.equals(r.moveFollowing()));
    }

    public static BookingService.SessionDetails command(CompleteBookingRequest r) {
        if (r == null) return null;
        Pigment p = r.pigment();
        return new BookingService.SessionDetails(r.areasTreated(),
                p == null ? null : new BookingService.Pigment(p.brand(), p.shade(), p.dilution(), p.lot(), p.expiry()),
                r.needleConfiguration(), r.actualDurationMinutes(), r.technicianNotes());
    }

    /** Who asked for a cancellation (staff may say the client did); null: the clinic. */
    public static io.stipple.booking.domain.CancelledBy requestedBy(CancelRequest r) {
        return r.requestedBy() == CancelRequest.RequestedBy.CLIENT ? io.stipple.booking.domain.CancelledBy.CLIENT
                : io.stipple.booking.domain.CancelledBy.CLINIC;
    }

    private static BookingService.HealingOverride override(HealingOverride o) {
        return o == null ? null : new BookingService.HealingOverride(o.intervalDays(), o.reason());
    }

    /** The booking with its deposit, as the caller sees it (the client secret only while the client can pay). */
    public static BookingView view(BookingService.Result r) {
        return view(r.booking(), r.clinic().zone(), PaymentMapper.view(r.deposit()));
    }

    public static BookingView view(Booking b, ZoneId zone, PaymentView payment) {
        HealingOverrideView override = b.healingOverrideDays == null ? null
                : new HealingOverrideView(b.healingOverrideDays, b.healingOverrideBy, b.healingOverrideReason);
        return new BookingView(b.id, b.clientId, b.kind, b.status, b.treatmentId, b.planId, b.sessionNumber,
                b.technicianId, b.roomId, at(b.startsAt, zone), at(b.endsAt, zone), b.buffer().toMinutes(),
                b.preparationNotes, override, b.cancelledBy, b.cancelReason, b.cancelledAt, b.checkedInAt, b.noShowAt,
                b.completedAt, b.holdExpiresAt, payment, b.createdAt, b.version);
    }

    public static SessionRecordView view(SessionRecord r) {
        return new SessionRecordView(r.bookingId, r.sessionNumber, r.areasTreated,
                new Pigment(r.pigmentBrand, r.pigmentShade, r.pigmentDilution, r.pigmentLot, r.pigmentExpiry),
                r.needleConfiguration, r.actualDurationMinutes, r.technicianNotes, r.recordedBy, r.completedAt);
    }

    /** Free start times: slots and times in the clinic's zone, with offset. */
    public static AvailabilityView view(AvailabilityService.Result r) {
        ZoneId zone = r.clinic().zone();
        List<Slot> slots = r.starts().entrySet().stream()
                .map(e -> new Slot(at(e.getKey(), zone), at(e.getKey().plus(r.session().length()), zone), e.getValue()))
                .toList();
        return new AvailabilityView(r.treatment().id, r.clientId(), zone.getId(), r.from(), r.to(),
                r.session().length().toMinutes(), r.treatment().bufferMinutes, at(r.session().earliestStart(), zone),
                r.technicians().stream().map(t -> new TechnicianRef(t.id, t.displayName)).toList(), slots);
    }

    public static SeriesAvailabilityView view(AvailabilityService.SeriesResult r, java.time.LocalDate from) {
        ZoneId zone = r.clinic().zone();
        List<SeriesCombinationView> combinations = r.combinations().stream()
                .map(c -> new SeriesCombinationView(c.sameTechnician(), c.sessions().stream()
                        .map(s -> new SeriesSlotView(s.sessionNumber(), at(s.startsAt(), zone), at(s.endsAt(), zone), s.technicianId()))
                        .toList()))
                .toList();
        return new SeriesAvailabilityView(r.treatment().id, r.clientId(), zone.getId(), from, r.sessions(),
                r.session().length().toMinutes(), r.session().interval().days(), combinations);
    }
}
