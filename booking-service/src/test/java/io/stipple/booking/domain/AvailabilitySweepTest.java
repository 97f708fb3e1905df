package io.stipple.booking.domain;

import io.stipple.booking.domain.AvailabilityCalculator.Request;
import io.stipple.booking.domain.AvailabilityCalculator.TechnicianCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The availability search walks free intervals (an interval sweep over {@link StartIntervals}) instead of checking
 * every candidate start against every technician and room. These tests hold it to the simple definition on random
 * clinics: a start is offered with a technician exactly when it is on the step grid of an opening-and-working
 * window, the session fits before the window closes, it is not before {@code notBefore}, and neither the technician's
 * nor at least one room's taken time overlaps the session plus clean-up.
 */
class AvailabilitySweepTest {

    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "UTC");
    /** Days around daylight-saving changes in those zones, and ordinary ones. */
    private static final List<LocalDate> FIRST_DAYS = List.of(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 10, 23),
            LocalDate.of(2026, 3, 6), LocalDate.of(2026, 10, 30), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 10, 2),
            LocalDate.of(2030, 6, 10));

    private record Resource(UUID id, List<WeeklyHours> hours, List<TimeRange> busy) {
    }

    @Test
    void theSweepOffersExactlyTheStartsACandidateByCandidateCheckOffers() {
        long seed = 20261201L;
        Random random = new Random(seed);
        int nonEmpty = 0;
        for (int run = 0; run < 600; run++) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            LocalDate first = FIRST_DAYS.get(random.nextInt(FIRST_DAYS.size())).plusDays(random.nextInt(3));
            LocalDate last = first.plusDays(random.nextInt(6));
            Duration session = Duration.ofMinutes(15 + 5 * random.nextInt(36));
            Duration buffer = Duration.ofMinutes(5 * random.nextInt(10));
            Duration step = Duration.ofMinutes(List.of(5, 10, 15, 30, 45).get(random.nextInt(5)));
            Instant dayStart = first.atStartOfDay(zone).toInstant();
            long spanMs = Duration.between(dayStart, last.plusDays(1).atStartOfDay(zone).toInstant()).toMillis();
            Instant notBefore = random.nextInt(3) == 0 ? null : dayStart.plusMillis(randomTime(random, spanMs));
            Request request = new Request(zone, first, last, session, buffer, step, notBefore);

            List<WeeklyHours> opening = randomWeek(random);
            Set<LocalDate> closed = new HashSet<>();
            if (random.nextInt(4) == 0) closed.add(first.plusDays(random.nextInt(3)));
            List<Resource> technicians = new ArrayList<>();
            for (int t = random.nextInt(5); t > 0; t--) {
                technicians.add(new Resource(UUID.randomUUID(), randomWeek(random), randomBusy(random, dayStart, spanMs)));
            }
            List<List<TimeRange>> rooms = new ArrayList<>();
            for (int r = random.nextInt(4); r > 0; r--) rooms.add(randomBusy(random, dayStart, spanMs));

            TreeMap<Instant, List<UUID>> expected = reference(request, opening, closed, technicians, rooms);
            TreeMap<Instant, List<UUID>> actual = AvailabilityCalculator.freeStarts(request, opening, closed,
                    technicians.stream().map(t -> new TechnicianCalendar(t.id(), t.hours(), BusyTimes.of(t.busy()))).toList(),
                    rooms.stream().map(BusyTimes::of).toList());
            assertThat(actual).as("seed %d, run %d (%s from %s to %s, session %s, buffer %s, step %s, not before %s)",
                    seed, run, zone, first, last, session, buffer, step, notBefore).isEqualTo(expected);
            if (!expected.isEmpty()) nonEmpty++;
        }
        // the inputs must exercise the search, not only produce empty answers
        assertThat(nonEmpty).isGreaterThan(200);
    }

    @Test
    void startIntervalsAllowExactlyTheStartsWhoseSessionMissesTheTakenTime() {
        Random random = new Random(7);
        for (int run = 0; run < 300; run++) {
            List<TimeRange> ranges = new ArrayList<>();
            for (int i = random.nextInt(10); i > 0; i--) {
                long start = random.nextInt(10_000);
                ranges.add(range(start, start + 1 + random.nextInt(random.nextBoolean() ? 50 : 2_000)));
            }
            long length = 1 + random.nextInt(700);
            BusyTimes busy = BusyTimes.of(ranges);
            StartIntervals free = busy.freeStarts(length);
            for (long s = -1_000; s < 11_000; s += 1 + random.nextInt(7)) {
                long start = s;
                boolean missesAll = ranges.stream().noneMatch(r -> r.start().toEpochMilli() < start + length
                        && r.end().toEpochMilli() > start);
                assertThat(free.contains(start)).as("run %d, start %d, length %d, busy %s", run, start, length, ranges)
                        .isEqualTo(missesAll);
            }
        }
    }

    @Test
    void aUnionAllowsAStartWhenAnyMemberDoes() {
        StartIntervals a = BusyTimes.of(List.of(range(100, 200))).freeStarts(50);   // allowed: ..50, 200..
        StartIntervals b = BusyTimes.of(List.of(range(0, 120))).freeStarts(50);     // allowed: ..-50, 120..
        StartIntervals either = StartIntervals.union(List.of(a, b));
        assertThat(either.contains(50)).isTrue();
        assertThat(either.contains(51)).isFalse();
        assertThat(either.contains(119)).isFalse();
        assertThat(either.contains(120)).isTrue();
        assertThat(either.contains(150)).isTrue();
        assertThat(StartIntervals.union(List.of()).contains(0)).isFalse();
    }

    @Test
    void gridPointsAreTheStepsFromTheWindowsOpeningThatBothAllow() {
        StartIntervals tech = BusyTimes.of(List.of(range(300, 400))).freeStarts(100);  // allowed: ..200, 400..
        StartIntervals room = BusyTimes.of(List.of(range(0, 130))).freeStarts(100);    // allowed: ..-100, 130..
        List<Long> points = new ArrayList<>();
        tech.gridPointsWith(room, 10, 60, 10, 600, points::add);
        // the grid 10, 70, 130, ... ; room from 130, technician up to 200 and again from 400
        assertThat(points).containsExactly(130L, 190L, 430L, 490L, 550L);
        points.clear();
        tech.gridPointsWith(room, 10, 60, 500, 400, points::add);
        assertThat(points).isEmpty();
    }

    // --- the definition, candidate by candidate -------------------------------------------------------------------

    private static TreeMap<Instant, List<UUID>> reference(Request request, List<WeeklyHours> opening, Set<LocalDate> closed,
                                                         List<Resource> technicians, List<List<TimeRange>> rooms) {
        TreeMap<Instant, List<UUID>> out = new TreeMap<>();
        for (LocalDate day = request.firstDay(); !day.isAfter(request.lastDay()); day = day.plusDays(1)) {
            if (closed.contains(day)) continue;
            for (Resource tech : technicians) {
                for (WeeklyHours window : WeeklyHours.intersect(opening, tech.hours(), day.getDayOfWeek())) {
                    Instant open = Instant.ofEpochMilli(AvailabilityCalculator.instant(day, window, true, request.zone()));
                    Instant close = Instant.ofEpochMilli(AvailabilityCalculator.instant(day, window, false, request.zone()));
                    for (Instant start = open; !start.plus(request.session()).isAfter(close); start = start.plus(request.step())) {
                        if (request.notBefore() != null && start.isBefore(request.notBefore())) continue;
                        TimeRange occupied = new TimeRange(start, start.plus(request.session()).plus(request.buffer()));
                        boolean techFree = tech.busy().stream().noneMatch(occupied::overlaps);
                        boolean roomFree = rooms.stream().anyMatch(room -> room.stream().noneMatch(occupied::overlaps));
                        if (techFree && roomFree) out.computeIfAbsent(start, k -> new ArrayList<>()).add(tech.id());
                    }
                }
            }
        }
        return out;
    }

    // --- random inputs -------------------------------------------------------------------------------------------

    /** Each weekday: closed, one window or two, on a 15-minute grid (sometimes an odd minute). */
    private static List<WeeklyHours> randomWeek(Random random) {
        List<WeeklyHours> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int windows = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
            int minute = random.nextInt(8) * 15 + (random.nextInt(10) == 0 ? 7 : 0);
            for (int w = 0; w < windows && minute < 23 * 60; w++) {
                int end = Math.min(24 * 60 - 1, minute + 60 + random.nextInt(10 * 60));
                week.add(new WeeklyHours(day, LocalTime.of(minute / 60, minute % 60), LocalTime.of(end / 60, end % 60)));
                minute = end + 15 + random.nextInt(4) * 15;
            }
        }
        return week;
    }

    /** Taken times across (and a little outside) the span: overlapping, touching and far apart. */
    private static List<TimeRange> randomBusy(Random random, Instant from, long spanMs) {
        List<TimeRange> busy = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            long start = randomTime(random, spanMs + spanMs / 5) - spanMs / 10;
            long length = 1 + (random.nextBoolean() ? random.nextInt(4) * 900_000L + 900_000L : random.nextInt((int) Math.min(spanMs, 8 * 3_600_000L)));
            busy.add(new TimeRange(from.plusMillis(start), from.plusMillis(start + length)));
        }
        return busy;
    }

    /** Mostly on a 5-minute grid, sometimes any millisecond. */
    private static long randomTime(Random random, long spanMs) {
        long t = (long) (random.nextDouble() * spanMs);
        return random.nextInt(5) == 0 ? t : t - t % 300_000L;
    }

    private static TimeRange range(long from, long to) {
        return new TimeRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
    }
}
