package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entities for the policies' unit tests (plain objects, no database), and what a refusal must look like. */
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

    /** The rule refuses with the platform's {@link RuleViolation}: the status, slug and message the caller gets. */
    static RuleViolation violation(ThrowingCallable rule, int status, String slug, String message) {
        RuleViolation[] thrown = new RuleViolation[1];
        assertThatThrownBy(rule).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.slug()).isEqualTo(slug);
            assertThat(e.getMessage()).isEqualTo(message);
            thrown[0] = e;
        });
        return thrown[0];
    }

    static ClientProjection client(String eligibility) {
        ClientProjection c = new ClientProjection();
        c.clinicId = UUID.randomUUID();
        c.clientId = UUID.randomUUID();
        c.eligibility = eligibility;
        return c;
    }

    static PlanProjection plan(TreatmentType type, String status, int plannedSessions) {
        PlanProjection p = new PlanProjection();
        p.clinicId = UUID.randomUUID();
        p.planId = UUID.randomUUID();
        p.clientId = UUID.randomUUID();
        p.treatmentType = type;
        p.status = status;
        p.plannedSessions = plannedSessions;
        return p;
    }
}
