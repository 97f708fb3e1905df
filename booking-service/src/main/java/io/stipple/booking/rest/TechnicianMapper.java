package io.stipple.booking.rest;

import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOff;
import io.stipple.booking.service.StaffService;

import java.time.ZoneId;

import static io.stipple.booking.rest.ClinicTime.at;

/** The technician aggregate (technician, time off): requests → commands, entities → views. */
public final class TechnicianMapper {

    private TechnicianMapper() {
    }

    public static StaffService.TechnicianDetails command(TechnicianRequest r) {
        return new StaffService.TechnicianDetails(r.displayName(), r.email(), r.treatmentIds(),
                ClinicMapper.intervals(r.workingHours()), r.active());
    }

    public static StaffService.NewTimeOff command(TimeOffRequest r) {
        return new StaffService.NewTimeOff(r.startsAt().toInstant(), r.endsAt().toInstant(), r.reason());
    }

    public static TechnicianView view(Technician t) {
        return new TechnicianView(t.id, t.displayName, t.email, t.treatmentIds, ClinicMapper.hours(t.workingHours), t.active,
                t.createdAt, t.version);
    }

    public static TimeOffView view(TimeOff t, ZoneId zone) {
        return new TimeOffView(t.id, t.technicianId, at(t.startsAt, zone), at(t.endsAt, zone), t.reason);
    }
}
