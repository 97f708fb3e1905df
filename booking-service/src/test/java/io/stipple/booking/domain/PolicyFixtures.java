package io.stipple.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Entities for the policies' unit tests (plain objects, no database). */
final class PolicyFixtures {

    private PolicyFixtures() {
    }

    static List<WeeklyHours> everyDay(String opens, String closes) {
        List<WeeklyHours> week = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) week.add(new WeeklyHours(d, LocalTime.parse(opens), LocalTime.parse(closes)));
        return week;
    }

    static Treatment treatment(BookingKind kind) {
        Treatment t = new Treatment();
        t.id = UUID.randomUUID();
        t.kind = kind;
        t.name = "SMP session";
        return t;
    }

    static Technician technician(List<UUID> treatmentIds, List<WeeklyHours> workingHours) {
        Technician t = new Technician();
        t.id = UUID.randomUUID();
        t.displayName = "Sam Okafor";
        t.active = true;
        t.treatmentIds = treatmentIds;
        t.workingHours = workingHours;
        return t;
    }

    static Clinic clinic(String zone, List<WeeklyHours> openingHours, int noticeHours) {
        Clinic c = new Clinic();
        c.id = UUID.randomUUID();
        c.timeZone = zone;
        c.openingHours = openingHours;
        c.cancellationNoticeHours = noticeHours;
        return c;
    }
}
