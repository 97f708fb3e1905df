package io.stipple.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final QuietHours overnight = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0), List.of(Channel.SMS, Channel.PUSH));

    @Test
    void evening_and_early_morning_are_quiet_daytime_is_not() {
        assertThat(overnight.isQuiet(LocalTime.of(21, 0))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(23, 59))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(7, 59))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(8, 0))).isFalse();
        assertThat(overnight.isQuiet(LocalTime.of(20, 59))).isFalse();
    }

    @Test
    void an_evening_reminder_moves_to_the_next_morning_and_a_night_one_to_the_same_morning() {
        assertThat(overnight.nextAllowed(Instant.parse("2026-12-10T22:30:00Z"), LONDON)).isEqualTo(Instant.parse("2026-12-11T08:00:00Z"));
        assertThat(overnight.nextAllowed(Instant.parse("2026-12-11T03:00:00Z"), LONDON)).isEqualTo(Instant.parse("2026-12-11T08:00:00Z"));
        assertThat(overnight.nextAllowed(Instant.parse("2026-12-11T12:00:00Z"), LONDON)).isEqualTo(Instant.parse("2026-12-11T12:00:00Z"));
    }

    @Test
    void the_morning_after_a_clock_change_is_in_local_time() {
        // 21:30 BST on Saturday 24 Oct 2026; the night the clocks go back: 08:00 GMT on Sunday
        assertThat(overnight.nextAllowed(Instant.parse("2026-10-24T20:30:00Z"), LONDON)).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
        // 22:00 GMT on Saturday 27 Mar 2027; the clocks go forward: 08:00 BST on Sunday = 07:00Z
        assertThat(overnight.nextAllowed(Instant.parse("2027-03-27T22:00:00Z"), LONDON)).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
    }

    @Test
    void email_is_never_held_back_and_disabled_quiet_hours_hold_nothing() {
        Instant night = Instant.parse("2026-12-11T03:00:00Z");
        assertThat(overnight.adjust(Channel.EMAIL, night, LONDON, null)).isEqualTo(night);
        QuietHours off = new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0), List.of(Channel.SMS));
        assertThat(off.adjust(Channel.SMS, night, LONDON, null)).isEqualTo(night);
    }

    @Test
    void a_daytime_quiet_period_does_not_span_midnight() {
        QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(14, 0), List.of(Channel.SMS));
        assertThat(lunch.adjust(Channel.SMS, Instant.parse("2026-12-11T12:30:00Z"), LONDON, null))
                .isEqualTo(Instant.parse("2026-12-11T14:00:00Z"));
        assertThat(lunch.isQuiet(LocalTime.of(23, 0))).isFalse();
    }
}
