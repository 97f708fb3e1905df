package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingTest {

    private static final Instant START = Instant.parse("2030-01-08T10:00:00Z");

    private static Booking confirmed() {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.status = BookingStatus.CONFIRMED;
        b.place(START, Duration.ofHours(2), Duration.ofMinutes(30));
        return b;
    }

    @Test
    void placingTakesTheSessionAndTheCleanUpBuffer() {
        Booking b = confirmed();
        assertThat(b.endsAt).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(b.occupiedUntil).isEqualTo(START.plus(Duration.ofMinutes(150)));
        assertThat(b.occupied()).isEqualTo(new TimeRange(START, START.plus(Duration.ofMinutes(150))));
    }

    @Test
    void reschedulingKeepsLengthAndBuffer() {
        Booking b = confirmed();
        UUID tech = UUID.randomUUID();
        b.reschedule(START.plus(Duration.ofDays(1)), tech, UUID.randomUUID(), START);
        assertThat(b.sessionLength()).isEqualTo(Duration.ofHours(2));
        assertThat(b.buffer()).isEqualTo(Duration.ofMinutes(30));
        assertThat(b.technicianId).isEqualTo(tech);
        assertThat(b.status).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void checkInOpensBeforeTheStartAndClosesWhenTheTimeIsOver() {
        assertThatThrownBy(() -> confirmed().checkIn(START.minus(Duration.ofMinutes(121)), Duration.ofHours(2)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("120 minutes");
        assertThatThrownBy(() -> confirmed().checkIn(START.plus(Duration.ofMinutes(150)), Duration.ofHours(2)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("no-show");
        Booking b = confirmed();
        b.checkIn(START.minus(Duration.ofMinutes(120)), Duration.ofHours(2));
        assertThat(b.status).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(b.checkedInAt).isEqualTo(START.minus(Duration.ofMinutes(120)));
    }

    @Test
    void aNoShowOnlyAfterTheStart() {
        assertThatThrownBy(() -> confirmed().markNoShow(START.minusSeconds(1)))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("booking-not-started"));
        Booking b = confirmed();
        b.markNoShow(START);
        assertThat(b.status).isEqualTo(BookingStatus.NO_SHOW);
    }

    @Test
    void completingNeedsACheckIn() {
        assertThatThrownBy(() -> confirmed().complete(START)).isInstanceOf(IllegalTransitionException.class);
        Booking b = confirmed();
        b.checkIn(START, Duration.ofHours(2));
        b.complete(START.plus(Duration.ofHours(2)));
        assertThat(b.status).isEqualTo(BookingStatus.COMPLETED);
        assertThat(b.healingCountsFrom()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void aSessionCheckedInEarlyIsNotCompletedBeforeItsStart() {
        Booking b = confirmed();
        b.checkIn(START.minus(Duration.ofMinutes(30)), Duration.ofHours(1));
        assertThatThrownBy(() -> b.complete(START.minus(Duration.ofMinutes(1))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("booked start");
        assertThat(b.status).isEqualTo(BookingStatus.CHECKED_IN);
        b.complete(START);
        assertThat(b.status).isEqualTo(BookingStatus.COMPLETED);
    }

    @Test
    void anonymisingRemovesWhatNamesTheClient() {
        Booking b = confirmed();
        b.clientId = UUID.randomUUID();
        b.preparationNotes = "Mr Smith: shave first";
        b.anonymise(START);
        assertThat(b.clientId).isNull();
        assertThat(b.preparationNotes).isNull();
    }

    @Test
    void anActionTheStateDoesNotAllowIsAnIllegalTransitionAskedFirst() {
        Booking b = confirmed();
        b.checkAllows(BookingAction.CANCEL);
        b.checkAllows(BookingAction.RESCHEDULE);
        b.cancel(CancelledBy.CLINIC, "unwell", START.minus(Duration.ofDays(1)));
        var e = PolicyFixtures.violation(() -> b.checkAllows(BookingAction.RESCHEDULE), 409, "illegal-transition",
                "A CANCELLED booking cannot reschedule");
        assertThat(e.extensions()).containsEntry("status", "CANCELLED").containsEntry("action", "RESCHEDULE");
        assertThat(b.status).isEqualTo(BookingStatus.CANCELLED);
    }
}
