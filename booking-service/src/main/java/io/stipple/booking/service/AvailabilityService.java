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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Free start times for a client's session. Read-only: one transaction of its own for a consistent view
 * ({@code REQUIRES_NEW}: the searches make their session read-only, which must never reach a caller's writes).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
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
        bookings.readOnlyTransaction();
        Clinic clinic = clinics.require(clinicId);
        Treatment treatment = catalogue.bookable(clinicId, treatmentId);
        SessionContext session = planner.plan(clinic, treatment, clientId, null, null, null, SessionPlanner.Purpose.SEARCH);
        List<Technician> technicians = staff.qualified(clinicId, treatmentId);
        if (technicianId != null) {
            Technician only = staff.technician(clinicId, technicianId);
            technicians = technicians.stream().filter(t -> t.id.equals(only.id)).toList();
        }
        Instant notBefore = clock.instant();
        if (session.earliestStart() != null && session.earliestStart().isAfter(notBefore)) {
            notBefore = session.earliestStart();
        }
        TreeMap<Instant, List<UUID>> starts = freeStarts(clinic, treatment, technicians, from, to, session.length(), notBefore);
        if (session.latestEnd() != null) {
            starts.entrySet().removeIf(e -> !session.fits(e.getKey()));
        }
        return new Result(clinic, treatment, clientId, from, to, session, technicians, starts);
    }

    /** One session of a proposed series: its plan session number, time and technician. */
    public record SeriesSlot(int sessionNumber, Instant startsAt, Instant endsAt, UUID technicianId) {
    }

    /** A way to book the series: every session with one technician when {@code sameTechnician}. */
    public record Combination(boolean sameTechnician, List<SeriesSlot> sessions) {
    }

    public record SeriesResult(Clinic clinic, Treatment treatment, UUID clientId, SessionContext session, int sessions,
                               List<Combination> combinations) {
    }

    /**
     * The next {@code sessions} sessions of the client's agreed plan as bookable combinations: the first on a local
     * day from {@code from} within the availability range ({@code booking.availability.max-days}), each following
     * one at the earliest free time at least the plan's healing interval after the one before (within the same range
     * after that), with the same technician where one has the time, else any. At most {@code limit}, one per first
     * day, earliest first. Read-only, like {@link #search}; nothing is held.
     */
    public SeriesResult searchSeries(UUID clinicId, UUID treatmentId, UUID clientId, LocalDate from, Integer sessions,
                                     UUID technicianId, int limit) {
        bookings.readOnlyTransaction();
        Clinic clinic = clinics.require(clinicId);
        Treatment treatment = catalogue.bookable(clinicId, treatmentId);
        SessionContext session = planner.plan(clinic, treatment, clientId, null, null, null, SessionPlanner.Purpose.SEARCH);
        if (session.plan() == null) {
            throw ProblemException.unprocessable("plan-required", "A series is the sessions of an agreed treatment plan; "
                    + "this treatment is booked one session at a time");
        }
        int remaining = session.plan().plannedSessions - session.sessionNumber() + 1;
        int count = sessions == null ? remaining : sessions;
        if (count < 1 || count > remaining) {
            throw ProblemException.invalidField("sessions", "the plan has " + remaining + " session(s) left to book");
        }
        List<Technician> technicians = staff.qualified(clinicId, treatmentId);
        Technician preferred = technicianId == null ? null : staff.technician(clinicId, technicianId);
        int rangeDays = config.availability().maxDays();
        int interval = session.interval().days();
        LocalDate lastFirstDay = from.plusDays(rangeDays - 1L);
        LocalDate lastDay = lastFirstDay.plusDays((long) (count - 1) * (interval + rangeDays));
        Instant notBefore = clock.instant();
        if (session.earliestStart() != null && session.earliestStart().isAfter(notBefore)) {
            notBefore = session.earliestStart();
        }
        TreeMap<Instant, List<UUID>> starts = freeStarts(clinic, treatment, technicians, from, lastDay, session.length(), notBefore);
        ZoneId zone = clinic.zone();
        Instant firstRangeEnd = lastFirstDay.plusDays(1).atStartOfDay(zone).toInstant();
        List<Combination> combinations = new ArrayList<>();
        java.util.Set<LocalDate> firstDays = new java.util.HashSet<>();
        for (var first : starts.headMap(firstRangeEnd).entrySet()) {
            if (combinations.size() >= limit) break;
            LocalDate day = first.getKey().atZone(zone).toLocalDate();
            if (firstDays.contains(day) || !session.fits(first.getKey())) continue;
            List<UUID> order = new ArrayList<>(first.getValue());
            if (preferred != null) {
                if (!order.remove(preferred.id)) continue;
                order.add(0, preferred.id);
            }
            Combination best = null;
            for (UUID technician : order) {
                Combination c = chain(starts, first.getKey(), technician, count, session, zone, rangeDays);
                if (c != null && (best == null || c.sameTechnician() && !best.sameTechnician())) best = c;
                if (best != null && best.sameTechnician()) break;
            }
            if (best != null) {
                combinations.add(best);
                firstDays.add(day);
            }
        }
        return new SeriesResult(clinic, treatment, clientId, session, count, combinations);
    }

    /** The series from {@code first} with {@code technician}: each next session the earliest that keeps the interval. */
    private static Combination chain(TreeMap<Instant, List<UUID>> starts, Instant first, UUID technician, int count,
                                     SessionContext session, ZoneId zone, int rangeDays) {
        java.time.Duration length = session.length();
        List<SeriesSlot> slots = new ArrayList<>();
        slots.add(new SeriesSlot(session.sessionNumber(), first, first.plus(length), technician));
        boolean same = true;
        for (int k = 1; k < count; k++) {
            Instant earliest = session.interval().earliestNextStart(slots.get(k - 1).endsAt(), zone);
            Instant until = earliest.atZone(zone).plusDays(rangeDays).toInstant();
            var window = starts.subMap(earliest, true, until, false);
            var next = window.entrySet().stream().filter(e -> e.getValue().contains(technician)).findFirst()
                    .map(e -> java.util.Map.entry(e.getKey(), technician))
                    .or(() -> window.entrySet().stream().findFirst().map(e -> java.util.Map.entry(e.getKey(), e.getValue().get(0))));
            if (next.isEmpty() || session.latestEnd() != null && next.get().getKey().plus(length).isAfter(session.latestEnd())) {
                return null;
            }
            same &= next.get().getValue().equals(technician);
            slots.add(new SeriesSlot(session.sessionNumber() + k, next.get().getKey(), next.get().getKey().plus(length),
                    next.get().getValue()));
        }
        return new Combination(same, List.copyOf(slots));
    }

    /**
     * Start → technicians free then (a room too) over local dates {@code from..to}: the clinic's and technicians'
     * hours, closures, time off, bookings and live holds.
     */
    private TreeMap<Instant, List<UUID>> freeStarts(Clinic clinic, Treatment treatment, List<Technician> technicians,
                                                    LocalDate from, LocalDate to, java.time.Duration length, Instant notBefore) {
        UUID clinicId = clinic.id;
        ZoneId zone = clinic.zone();
        Instant windowStart = from.atStartOfDay(zone).toInstant();
        Instant windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<UUID> techIds = technicians.stream().map(t -> t.id).toList();
        List<Room> rooms = staff.activeRooms(clinicId);
        BookingRepository.Busy busy = bookings.busy(techIds, rooms.stream().map(r -> r.id).toList(), windowStart, windowEnd, null);
        Map<UUID, List<TimeRange>> techBusy = busy.technicians();
        for (TimeOff off : staff.timeOffBetween(clinicId, techIds, windowStart, windowEnd)) {
            techBusy.computeIfAbsent(off.technicianId, k -> new ArrayList<>()).add(off.range());
        }
        Map<UUID, List<TimeRange>> roomBusy = busy.rooms();
        List<TechnicianCalendar> calendars = technicians.stream()
                .map(t -> new TechnicianCalendar(t.id, t.workingHours, BusyTimes.of(techBusy.getOrDefault(t.id, List.of()))))
                .toList();
        List<BusyTimes> roomTimes = rooms.stream().map(r -> BusyTimes.of(roomBusy.getOrDefault(r.id, List.of()))).toList();
        Set<LocalDate> closed = clinics.closedDays(clinicId, from, to);
        var request = new AvailabilityCalculator.Request(zone, from, to, length, treatment.buffer(),
                config.availability().slotStep(), notBefore);
        return AvailabilityCalculator.freeStarts(request, clinic.openingHours, closed, calendars, roomTimes);
    }
}
