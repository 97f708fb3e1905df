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
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityCalculatorTest {

    private static final UUID TECH = UUID.randomUUID();
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration STEP = Duration.ofMinutes(15);

    private static List<WeeklyHours> everyDay(String opens, String closes) {
        List<WeeklyHours> week = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) week.add(new WeeklyHours(d, LocalTime.parse(opens), LocalTime.parse(closes)));
        return week;
    }

    private static TreeMap<Instant, List<UUID>> search(String zone, LocalDate day, List<WeeklyHours> week,
                                                       List<TimeRange> techBusy, List<List<TimeRange>> rooms) {
        Request request = new Request(ZoneId.of(zone), day, day, TWO_HOURS, Duration.ZERO, STEP, null);
        return AvailabilityCalculator.freeStarts(request, week, Set.of(),
                List.of(new TechnicianCalendar(TECH, week, BusyTimes.of(techBusy))),
                rooms.stream().map(BusyTimes::of).toList());
    }

    private static List<String> local(TreeMap<Instant, List<UUID>> starts, String zone) {
        return starts.keySet().stream().map(i -> i.atZone(ZoneId.of(zone)).toOffsetDateTime().toString()).toList();
    }

    @Test
    void londonSpringForwardOffersNothingInTheMissingHour() {
        // 2026-03-29: 01:00 GMT → 02:00 BST. Open 00:00–06:00 local = 5 real hours: 2 h sessions start at 13 times
        var starts = search("Europe/London", LocalDate.of(2026, 3, 29), everyDay("00:00", "06:00"), List.of(), List.of(List.of()));
        List<String> times = local(starts, "Europe/London");
        assertThat(times).hasSize(13);
        assertThat(times.get(0)).isEqualTo("2026-03-29T00:00Z");
        assertThat(times.get(3)).isEqualTo("2026-03-29T00:45Z");
        assertThat(times.get(4)).isEqualTo("2026-03-29T02:00+01:00");
        assertThat(times.get(12)).isEqualTo("2026-03-29T04:00+01:00");
        assertThat(times).noneMatch(t -> t.startsWith("2026-03-29T01:"));
    }

    @Test
    void londonFallBackOffersTheRepeatedHourTwice() {
        // 2026-10-25: 02:00 BST → 01:00 GMT. Open 00:00–06:00 local = 7 real hours: 21 starts
        var starts = search("Europe/London", LocalDate.of(2026, 10, 25), everyDay("00:00", "06:00"), List.of(), List.of(List.of()));
        List<String> times = local(starts, "Europe/London");
        assertThat(times).hasSize(21);
        assertThat(times).contains("2026-10-25T01:30+01:00", "2026-10-25T01:30Z");
        assertThat(times.get(times.size() - 1)).isEqualTo("2026-10-25T04:00Z");
    }

    @Test
    void newYorkSpringForward() {
        // 2026-03-08: 02:00 EST → 03:00 EDT. Open 00:00–06:00 local = 5 real hours
        var starts = search("America/New_York", LocalDate.of(2026, 3, 8), everyDay("00:00", "06:00"), List.of(), List.of(List.of()));
        List<String> times = local(starts, "America/New_York");
        assertThat(times).hasSize(13);
        assertThat(times).contains("2026-03-08T01:45-05:00", "2026-03-08T03:00-04:00");
        assertThat(times).noneMatch(t -> t.startsWith("2026-03-08T02:"));
        assertThat(times.get(12)).isEqualTo("2026-03-08T04:00-04:00");
    }

    @Test
    void newYorkFallBack() {
        // 2026-11-01: 02:00 EDT → 01:00 EST. Open 00:00–06:00 local = 7 real hours
        var starts = search("America/New_York", LocalDate.of(2026, 11, 1), everyDay("00:00", "06:00"), List.of(), List.of(List.of()));
        List<String> times = local(starts, "America/New_York");
        assertThat(times).hasSize(21);
        assertThat(times).contains("2026-11-01T01:15-04:00", "2026-11-01T01:15-05:00");
    }

    @Test
    void anOrdinaryDayHasTheSameWallClockGridInEveryZone() {
        var starts = search("America/New_York", LocalDate.of(2026, 6, 10), everyDay("09:00", "18:00"), List.of(), List.of(List.of()));
        List<String> times = local(starts, "America/New_York");
        assertThat(times).hasSize(29).startsWith("2026-06-10T09:00-04:00").endsWith("2026-06-10T16:00-04:00");
    }

    @Test
    void takenTimeWithItsBufferBlocksOverlappingStarts() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        // a booking 10:00–12:00 plus 30 min clean-up
        TimeRange busy = new TimeRange(Instant.parse("2030-01-08T10:00:00Z"), Instant.parse("2030-01-08T12:30:00Z"));
        var starts = search("Europe/London", day, everyDay("09:00", "18:00"), List.of(busy), List.of(List.of()));
        assertThat(starts).doesNotContainKey(Instant.parse("2030-01-08T08:15:00Z"))
                .doesNotContainKey(Instant.parse("2030-01-08T09:00:00Z"))
                .doesNotContainKey(Instant.parse("2030-01-08T12:15:00Z"))
                .containsKey(Instant.parse("2030-01-08T12:30:00Z"));
        // 09:00 would end at 11:00 and overlap: the first free start before the booking does not exist (09:00 + 2 h > 10:00)
        assertThat(starts.firstKey()).isEqualTo(Instant.parse("2030-01-08T12:30:00Z"));
    }

    @Test
    void aStartNeedsAFreeRoom() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        TimeRange morning = new TimeRange(Instant.parse("2030-01-08T09:00:00Z"), Instant.parse("2030-01-08T13:00:00Z"));
        var oneRoomTaken = search("Europe/London", day, everyDay("09:00", "18:00"), List.of(), List.of(List.of(morning)));
        assertThat(oneRoomTaken.firstKey()).isEqualTo(Instant.parse("2030-01-08T13:00:00Z"));
        var otherRoomFree = search("Europe/London", day, everyDay("09:00", "18:00"), List.of(), List.of(List.of(morning), List.of()));
        assertThat(otherRoomFree.firstKey()).isEqualTo(Instant.parse("2030-01-08T09:00:00Z"));
        var noRooms = search("Europe/London", day, everyDay("09:00", "18:00"), List.of(), List.of());
        assertThat(noRooms).isEmpty();
    }

    @Test
    void closedDaysNotBeforeAndTechnicianHoursAreHonoured() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        List<WeeklyHours> clinic = everyDay("09:00", "18:00");
        List<WeeklyHours> tech = List.of(new WeeklyHours(DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(20, 0)));
        Request request = new Request(ZoneId.of("Europe/London"), day, day.plusDays(1), TWO_HOURS, Duration.ZERO, STEP,
                Instant.parse("2030-01-08T14:00:00Z"));
        var starts = AvailabilityCalculator.freeStarts(request, clinic, Set.of(day.plusDays(1)),
                List.of(new TechnicianCalendar(TECH, tech, BusyTimes.of(List.of()))), List.of(BusyTimes.of(List.of())));
        assertThat(starts.firstKey()).isEqualTo(Instant.parse("2030-01-08T14:00:00Z"));
        assertThat(starts.lastKey()).isEqualTo(Instant.parse("2030-01-08T16:00:00Z"));
    }

    @Test
    void withinHoursChecksBothSchedules() {
        ZoneId london = ZoneId.of("Europe/London");
        List<WeeklyHours> clinic = everyDay("09:00", "18:00");
        assertThat(AvailabilityCalculator.withinHours(Instant.parse("2030-01-08T16:00:00Z"), TWO_HOURS, london, clinic, clinic)).isTrue();
        assertThat(AvailabilityCalculator.withinHours(Instant.parse("2030-01-08T16:15:00Z"), TWO_HOURS, london, clinic, clinic)).isFalse();
        assertThat(AvailabilityCalculator.withinHours(Instant.parse("2030-01-08T08:45:00Z"), TWO_HOURS, london, clinic, clinic)).isFalse();
    }

    @Test
    void busyTimesMergeAndAnswerOverlaps() {
        BusyTimes busy = BusyTimes.of(List.of(
                new TimeRange(Instant.ofEpochMilli(100), Instant.ofEpochMilli(200)),
                new TimeRange(Instant.ofEpochMilli(150), Instant.ofEpochMilli(300)),
                new TimeRange(Instant.ofEpochMilli(500), Instant.ofEpochMilli(600))));
        assertThat(busy.isFree(0, 100)).isTrue();
        assertThat(busy.isFree(0, 101)).isFalse();
        assertThat(busy.isFree(299, 400)).isFalse();
        assertThat(busy.isFree(300, 500)).isTrue();
        assertThat(busy.isFree(450, 700)).isFalse();
        assertThat(busy.isFree(600, 700)).isTrue();
    }

    @Test
    void weeklyHoursIntersectAndMustNotOverlap() {
        List<WeeklyHours> a = List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)));
        List<WeeklyHours> b = List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(12, 0)),
                new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(20, 0)));
        assertThat(WeeklyHours.intersect(a, b, DayOfWeek.MONDAY)).containsExactly(
                new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(18, 0)));
        assertThat(WeeklyHours.intersect(a, b, DayOfWeek.TUESDAY)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeeklyHours.requireDisjoint(List.of(a.get(0), b.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
