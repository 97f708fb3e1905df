package io.stipple.booking.rest;

import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.ClinicClosure;
import io.stipple.booking.domain.DurationRule;
import io.stipple.booking.domain.Room;
import io.stipple.booking.domain.SessionRecord;
import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOff;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.domain.WeeklyHours;
import io.stipple.booking.rest.BookingModels.BookingView;
import io.stipple.booking.rest.BookingModels.HealingOverrideView;
import io.stipple.booking.rest.BookingModels.Pigment;
import io.stipple.booking.rest.BookingModels.SessionRecordView;
import io.stipple.booking.rest.ClinicModels.Address;
import io.stipple.booking.rest.ClinicModels.ClinicView;
import io.stipple.booking.rest.ClinicModels.ClosureView;
import io.stipple.booking.rest.ClinicModels.Hours;
import io.stipple.booking.rest.StaffModels.RoomView;
import io.stipple.booking.rest.StaffModels.TechnicianView;
import io.stipple.booking.rest.StaffModels.TimeOffView;
import io.stipple.booking.rest.TreatmentModels.DurationRuleModel;
import io.stipple.booking.rest.TreatmentModels.Money;
import io.stipple.booking.rest.TreatmentModels.TreatmentView;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Entity → API record, one method per aggregate; entities are never serialised. */
public final class Mappers {

    private Mappers() {
    }

    public static ClinicView clinic(Clinic c) {
        return new ClinicView(c.id, c.name, new Address(c.addressLine1, c.addressLine2, c.city, c.postcode, c.country),
                c.timeZone, c.currency, hours(c.openingHours), c.cancellationNoticeHours, c.createdAt, c.updatedAt, c.version);
    }

    public static List<Hours> hours(List<WeeklyHours> week) {
        return week.stream().map(h -> new Hours(h.weekday(), h.opens(), h.closes())).toList();
    }

    public static ClosureView closure(ClinicClosure c) {
        return new ClosureView(c.id, c.firstDay, c.lastDay, c.reason, c.createdAt);
    }

    public static TechnicianView technician(Technician t) {
        return new TechnicianView(t.id, t.displayName, t.email, t.treatmentIds, hours(t.workingHours), t.active,
                t.createdAt, t.version);
    }

    public static TimeOffView timeOff(TimeOff t, ZoneId zone) {
        return new TimeOffView(t.id, t.technicianId, at(t.startsAt, zone), at(t.endsAt, zone), t.reason);
    }

    public static RoomView room(Room r) {
        return new RoomView(r.id, r.name, r.active, r.version);
    }

    public static TreatmentView treatment(Treatment t) {
        return new TreatmentView(t.id, t.kind, t.treatmentType, t.name, t.baseDurationMinutes, t.bufferMinutes,
                new Money(t.priceMinor, t.currency), t.healingIntervalDays,
                t.durationRules.stream().map(Mappers::rule).toList(), t.active, t.createdAt, t.version);
    }

    private static DurationRuleModel rule(DurationRule r) {
        return new DurationRuleModel(r.stages(), r.conditions(), r.minCoveragePercent(), r.maxCoveragePercent(),
                r.durationMinutes());
    }

    public static BookingView booking(Booking b, ZoneId zone) {
        HealingOverrideView override = b.healingOverrideDays == null ? null
                : new HealingOverrideView(b.healingOverrideDays, b.healingOverrideBy, b.healingOverrideReason);
        return new BookingView(b.id, b.clientId, b.kind, b.status, b.treatmentId, b.planId, b.sessionNumber,
                b.technicianId, b.roomId, at(b.startsAt, zone), at(b.endsAt, zone), b.buffer().toMinutes(),
                b.preparationNotes, override, b.cancelledBy, b.cancelReason, b.cancelledAt, b.checkedInAt, b.noShowAt,
                b.completedAt, b.createdAt, b.version);
    }

    public static SessionRecordView sessionRecord(SessionRecord r) {
        return new SessionRecordView(r.bookingId, r.sessionNumber, r.areasTreated,
                new Pigment(r.pigmentBrand, r.pigmentShade, r.pigmentDilution, r.pigmentLot, r.pigmentExpiry),
                r.needleConfiguration, r.actualDurationMinutes, r.technicianNotes, r.recordedBy, r.completedAt);
    }

    /** An instant as the clinic's wall-clock time with offset. */
    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
