package io.stipple.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** One opening (or working) interval on a weekday, in the clinic's local wall-clock time. */
public record WeeklyHours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {

    public WeeklyHours {
        if (weekday == null || opens == null || closes == null) {
            throw new IllegalArgumentException("weekday, opens and closes are required");
        }
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("closes must be after opens on " + weekday);
        }
    }

    public boolean overlaps(WeeklyHours other) {
        return weekday == other.weekday && opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }

    /** The intervals of one weekday, in order. */
    public static List<WeeklyHours> on(Collection<WeeklyHours> week, DayOfWeek day) {
        return week.stream().filter(h -> h.weekday == day).sorted(Comparator.comparing(WeeklyHours::opens)).toList();
    }

    /** Where two schedules both hold on a weekday: e.g. a technician's hours within the clinic's opening hours. */
    public static List<WeeklyHours> intersect(Collection<WeeklyHours> a, Collection<WeeklyHours> b, DayOfWeek day) {
        List<WeeklyHours> out = new ArrayList<>();
        for (WeeklyHours x : on(a, day)) {
            for (WeeklyHours y : on(b, day)) {
                LocalTime from = x.opens.isAfter(y.opens) ? x.opens : y.opens;
                LocalTime to = x.closes.isBefore(y.closes) ? x.closes : y.closes;
                if (to.isAfter(from)) {
                    out.add(new WeeklyHours(day, from, to));
                }
            }
        }
        out.sort(Comparator.comparing(WeeklyHours::opens));
        return out;
    }

    /** Throws if two intervals of the same weekday overlap. */
    public static void requireDisjoint(List<WeeklyHours> week) {
        for (int i = 0; i < week.size(); i++) {
            for (int j = i + 1; j < week.size(); j++) {
                if (week.get(i).overlaps(week.get(j))) {
                    throw new IllegalArgumentException("intervals on " + week.get(i).weekday() + " overlap");
                }
            }
        }
    }
}
