package io.stipple.booking.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Free start times of a session, computed in real (UTC) time from the clinic's local rules, so that
 * daylight-saving days come out right: on a spring-forward day the missing hour offers nothing, on a
 * fall-back day the repeated hour is offered twice (once per offset).
 */
public final class AvailabilityCalculator {

    /** A technician who could do the treatment, with their week and their taken time (bookings and time off). */
    public record TechnicianCalendar(UUID technicianId, List<WeeklyHours> workingHours, BusyTimes busy) {
    }

    /** What to search for. {@code occupied} is the session plus the clean-up buffer. */
    public record Request(ZoneId zone, LocalDate firstDay, LocalDate lastDay, Duration session, Duration buffer,
                          Duration step, Instant notBefore) {
    }

    private AvailabilityCalculator() {
    }

    /**
     * @param openingHours the clinic's week
     * @param closedDays   local dates the clinic is closed
     * @param technicians  qualified, active technicians
     * @param rooms        busy times of each active room
     * @return start instant → technicians free then (a room being free too), in time order
     */
    public static TreeMap<Instant, List<UUID>> freeStarts(Request request, List<WeeklyHours> openingHours,
                                                         Set<LocalDate> closedDays,
                                                         Collection<TechnicianCalendar> technicians,
                                                         Collection<BusyTimes> rooms) {
        TreeMap<Instant, List<UUID>> out = new TreeMap<>();
        if (rooms.isEmpty()) {
            return out;
        }
        long sessionMs = request.session().toMillis();
        long occupiedMs = sessionMs + request.buffer().toMillis();
        long stepMs = request.step().toMillis();
        long notBefore = request.notBefore() == null ? Long.MIN_VALUE : request.notBefore().toEpochMilli();
        // a start is free for a room when [start, start + occupied) misses the room's taken time; "some room" is
        // the union of those sets, the same for every technician: computed once, walked beside each technician's own
        StartIntervals anyRoom = StartIntervals.union(rooms.stream().map(r -> r.freeStarts(occupiedMs)).toList());
        List<TechnicianCalendar> techs = List.copyOf(technicians);
        List<StartIntervals> techFree = techs.stream().map(t -> t.busy().freeStarts(occupiedMs)).toList();
        List<Map<DayOfWeek, List<WeeklyHours>>> windows = new ArrayList<>(techs.size());
        for (int i = 0; i < techs.size(); i++) windows.add(new EnumMap<>(DayOfWeek.class));
        // (start, technician index) pairs, one long each (start * n + index), sorted once at the end: the same
        // order as walking days and technicians, without a boxed key, a list per start and a hash map per search
        StartPairs pairs = new StartPairs(techs.size());
        for (LocalDate day = request.firstDay(); !day.isAfter(request.lastDay()); day = day.plusDays(1)) {
            if (closedDays.contains(day)) {
                continue;
            }
            DayOfWeek weekday = day.getDayOfWeek();
            for (int t = 0; t < techs.size(); t++) {
                TechnicianCalendar tech = techs.get(t);
                List<WeeklyHours> dayWindows = windows.get(t).computeIfAbsent(weekday,
                        w -> WeeklyHours.intersect(openingHours, tech.workingHours(), w));
                pairs.technician = t;
                for (WeeklyHours window : dayWindows) {
                    long open = instant(day, window, true, request.zone());
                    long close = instant(day, window, false, request.zone());
                    techFree.get(t).gridPointsWith(anyRoom, open, stepMs, Math.max(open, notBefore), close - sessionMs,
                            pairs);
                }
            }
        }
        long[] sorted = pairs.sorted();
        int n = techs.size();
        for (int i = 0; i < sorted.length; ) {
            long start = Math.floorDiv(sorted[i], n);
            int j = i;
            while (j < sorted.length && Math.floorDiv(sorted[j], n) == start) j++;
            UUID[] free = new UUID[j - i];
            for (int k = i; k < j; k++) free[k - i] = techs.get((int) Math.floorMod(sorted[k], n)).technicianId();
            out.put(Instant.ofEpochMilli(start), java.util.Arrays.asList(free));
            i = j;
        }
        return out;
    }

    /** Collects (start, technician) pairs as {@code start * technicians + index}. */
    private static final class StartPairs implements StartIntervals.StartSink {
        private final int technicians;
        private long[] values = new long[256];
        private int size;
        int technician;

        StartPairs(int technicians) {
            this.technicians = technicians;
        }

        @Override
        public void accept(long start) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = Math.addExact(Math.multiplyExact(start, technicians), technician);
        }

        long[] sorted() {
            long[] result = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(result);
            return result;
        }
    }

    /** True when {@code [start, start+session)} lies within the day's opening intervals of both schedules. */
    public static boolean withinHours(Instant start, Duration session, ZoneId zone, List<WeeklyHours> openingHours,
                                      List<WeeklyHours> workingHours) {
        LocalDate day = start.atZone(zone).toLocalDate();
        long s = start.toEpochMilli();
        long e = s + session.toMillis();
        for (WeeklyHours window : WeeklyHours.intersect(openingHours, workingHours, day.getDayOfWeek())) {
            if (s >= instant(day, window, true, zone) && e <= instant(day, window, false, zone)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant a local wall-clock time of a day means. A time inside a spring-forward gap is moved later by
     * the gap's length (java.time's rule: 01:30 on a day that skips 01:00–02:00 means 02:30); an ambiguous
     * fall-back time means its earlier occurrence for an opening and its later one for a closing, so the
     * repeated hour stays inside the window.
     */
    static long instant(LocalDate day, WeeklyHours window, boolean opening, ZoneId zone) {
        ZonedDateTime local = ZonedDateTime.of(day, opening ? window.opens() : window.closes(), zone);
        local = opening ? local.withEarlierOffsetAtOverlap() : local.withLaterOffsetAtOverlap();
        return local.toInstant().toEpochMilli();
    }
}
