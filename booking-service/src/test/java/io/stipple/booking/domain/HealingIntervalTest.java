package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class HealingIntervalTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void sevenDaysAfterTheSessionIsAllowedSixDaysTwentyThreeHoursIsNot() {
        HealingInterval interval = HealingInterval.effective(7, null, 7, 7, null);
        Instant done = Instant.parse("2030-01-08T12:00:00Z");
        assertThat(interval.allows(done, done.plus(Duration.ofDays(6).plusHours(23)), LONDON)).isFalse();
        assertThat(interval.allows(done, done.plus(Duration.ofDays(7)), LONDON)).isTrue();
    }

    @Test
    void daysAreCalendarDaysInTheClinicsZoneAcrossADaylightSavingChange() {
        // 2026-03-29 London springs forward: 7 calendar days after 12:00 GMT is 12:00 BST = 11:00Z, 167 real hours
        HealingInterval interval = HealingInterval.effective(7, null, 7, 7, null);
        Instant done = Instant.parse("2026-03-25T12:00:00Z");
        assertThat(interval.earliestNextStart(done, LONDON)).isEqualTo(Instant.parse("2026-04-01T11:00:00Z"));
    }

    @Test
    void theLongestOfPlanTreatmentAndMinimumApplies() {
        assertThat(HealingInterval.effective(10, null, 7, 7, null).days()).isEqualTo(10);
        assertThat(HealingInterval.effective(7, 14, 7, 7, null).days()).isEqualTo(14);
        assertThat(HealingInterval.effective(null, null, 9, 7, null).days()).isEqualTo(9);
        assertThat(HealingInterval.effective(5, null, 7, 7, null).days()).as("never below the minimum").isEqualTo(7);
    }

    @Test
    void anIntervalAgreedWithAnOverrideHoldsForEverySessionOfThePlan() {
        // client-service agreed 5 days with an admin's reason: not raised back to the minimum or the treatment's 14
        HealingInterval agreed = HealingInterval.effective(5, true, 14, 7, 7, null);
        assertThat(agreed.days()).isEqualTo(5);
        assertThat(agreed.overridden()).isTrue();
        assertThat(HealingInterval.effective(5, false, 14, 7, 7, null).days()).as("not overridden: raised").isEqualTo(14);
        assertThat(HealingInterval.effective(5, true, 14, 7, 7, 3).days()).as("a booking's own override wins").isEqualTo(3);
        assertThat(HealingInterval.effective(0, true, null, 7, 7, null).days()).as("no plan interval").isEqualTo(7);
    }

    @Test
    void onlyAnOverrideGoesBelowTheMinimum() {
        HealingInterval overridden = HealingInterval.effective(7, 14, 7, 7, 5);
        assertThat(overridden.days()).isEqualTo(5);
        assertThat(overridden.overridden()).isTrue();
    }
}
