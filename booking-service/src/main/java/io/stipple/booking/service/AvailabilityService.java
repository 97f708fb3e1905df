package io.stipple.booking.service;

import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.AvailabilityCalculator;
import io.stipple.booking.domain.AvailabilityCalculator.TechnicianCalendar;
import io.stipple.booking.domain.BusyTimes;
import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.Room;
import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOff;
import io.stipple.booking.domain.TimeRange;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.service.SessionPlanner.SessionContext;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Free start times for a client's session. Read-only: one transaction for a consistent view. */
@ApplicationScoped
@Transactional
public class AvailabilityService {

    @Inject
    Clock clock;

    @Inject
    BookingConfig config;

    @Inject
    ClinicService clinics;

    @Inject
    CatalogueService catalogue;

    @Inject
    StaffService staff;

    @Inject
    BookingRepository bookings;

    @Inject
    SessionPlanner planner;

    /** The answer: the clinic, the client's session and the free starts with the technicians free then. */
    public record Result(Clinic clinic, Treatment treatment, UUID clientId, LocalDate from, LocalDate to,
                         SessionContext session, List<Technician> technicians, TreeMap<Instant, List<UUID>> starts) {
    }

    public Result search(UUID clinicId, UUID treatmentId, UUID clientId, LocalDate from, LocalDate to, UUID technicianId) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        int maxDays = config.availability().maxDays();
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw ProblemException.invalidField("to", "the range may cover at most " + maxDays + " days");
        }
        Clinic clinic = clinics.require(clinicId);
        Treatment treatment = catalogue.bookable(clinicId, treatmentId);
        SessionContext session = planner.plan(clinic, treatment, clientId, null, null, null, SessionPlanner.Purpose.SEARCH);
        List<Technician> technicians = staff.qualified(clinicId, treatmentId);
        if (technicianId != null) {
            Technician only = staff.technician(clinicId, technicianId);
            technicians = technicians.stream().filter(t -> t.id.equals(only.id)).toList();
        }
        ZoneId zone = clinic.zone();
        Instant windowStart = from.atStartOfDay(zone).toInstant();
        Instant windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<UUID> techIds = technicians.stream().map(t -> t.id).toList();
        Map<UUID, List<TimeRange>> techBusy = new HashMap<>(bookings.technicianBusy(techIds, windowStart, windowEnd, null));
        for (TimeOff off : staff.timeOffBetween(techIds, windowStart, windowEnd)) {
            techBusy.computeIfAbsent(off.technicianId, k -> new ArrayList<>()).add(off.range());
        }
        List<Room> rooms = staff.activeRooms(clinicId);
        Map<UUID, List<TimeRange>> roomBusy = bookings.roomBusy(rooms.stream().map(r -> r.id).toList(), windowStart, windowEnd, null);
        List<TechnicianCalendar> calendars = technicians.stream()
                .map(t -> new TechnicianCalendar(t.id, t.workingHours, BusyTimes.of(techBusy.getOrDefault(t.id, List.of()))))
                .toList();
        List<BusyTimes> roomTimes = rooms.stream().map(r -> BusyTimes.of(roomBusy.getOrDefault(r.id, List.of()))).toList();
        Set<LocalDate> closed = clinics.closedDays(clinicId, from, to);
        Instant notBefore = clock.instant();
        if (session.earliestStart() != null && session.earliestStart().isAfter(notBefore)) {
            notBefore = session.earliestStart();
        }
        var request = new AvailabilityCalculator.Request(zone, from, to, session.length(), treatment.buffer(),
                config.availability().slotStep(), notBefore);
        TreeMap<Instant, List<UUID>> starts = AvailabilityCalculator.freeStarts(request, clinic.openingHours, closed,
                calendars, roomTimes);
        if (session.latestEnd() != null) {
            starts.entrySet().removeIf(e -> !session.fits(e.getKey()));
        }
        return new Result(clinic, treatment, clientId, from, to, session, technicians, starts);
    }
}
