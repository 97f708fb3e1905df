package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stipple.booking.domain.PolicyFixtures.plan;
import static io.stipple.booking.domain.PolicyFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;

class PlannedSessionsPolicyTest {

    private final PlanProjection threeSessions = plan(TreatmentType.PERMANENT_SMP, PlanProjection.AGREED, 3);

    private static Booking session(int number) {
        Booking b = new Booking();
        b.sessionNumber = number;
        return b;
    }

    @Test
    void theFirstSessionIsNumberOne() {
        assertThat(PlannedSessionsPolicy.nextNumber(threeSessions, List.of())).isEqualTo(1);
    }

    @Test
    void aNewSessionTakesTheLowestFreeNumber() {
        assertThat(PlannedSessionsPolicy.nextNumber(threeSessions, List.of(session(1), session(2)))).isEqualTo(3);
        // session 2 was cancelled or missed: its number is free again
        assertThat(PlannedSessionsPolicy.nextNumber(threeSessions, List.of(session(1), session(3)))).isEqualTo(2);
        assertThat(PlannedSessionsPolicy.nextNumber(threeSessions, List.of(session(2), session(3)))).isEqualTo(1);
    }

    @Test
    void aSessionBeyondThePlannedOnesIsPlanSessionsExhausted() {
        violation(() -> PlannedSessionsPolicy.nextNumber(threeSessions, List.of(session(1), session(2), session(3))),
                422, "plan-sessions-exhausted", "All 3 planned sessions of plan " + threeSessions.planId
                        + " are booked or done; a top-up is its own treatment");
    }
}
