package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static io.stipple.booking.domain.BookingAction.CANCEL;
import static io.stipple.booking.domain.BookingAction.CHECK_IN;
import static io.stipple.booking.domain.BookingAction.COMPLETE;
import static io.stipple.booking.domain.BookingAction.CONFIRM;
import static io.stipple.booking.domain.BookingAction.EXPIRE;
import static io.stipple.booking.domain.BookingAction.RELEASE;
import static io.stipple.booking.domain.BookingAction.MARK_NO_SHOW;
import static io.stipple.booking.domain.BookingAction.RESCHEDULE;
import static io.stipple.booking.domain.BookingStatus.CANCELLED;
import static io.stipple.booking.domain.BookingStatus.CHECKED_IN;
import static io.stipple.booking.domain.BookingStatus.COMPLETED;
import static io.stipple.booking.domain.BookingStatus.CONFIRMED;
import static io.stipple.booking.domain.BookingStatus.EXPIRED;
import static io.stipple.booking.domain.BookingStatus.HELD;
import static io.stipple.booking.domain.BookingStatus.RELEASED;
import static io.stipple.booking.domain.BookingStatus.NO_SHOW;
import static io.stipple.booking.domain.BookingStatus.PENDING_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingStatusTest {

    /** Every allowed transition; everything else must be refused. */
    private static final Map<BookingStatus, Map<BookingAction, BookingStatus>> ALLOWED = Map.of(
            HELD, Map.of(CONFIRM, CONFIRMED, RELEASE, RELEASED, EXPIRE, EXPIRED, BookingAction.AWAIT_PAYMENT, PENDING_PAYMENT),
            PENDING_PAYMENT, Map.of(BookingAction.CONFIRM_PAYMENT, CONFIRMED, EXPIRE, EXPIRED, CANCEL, CANCELLED,
                    RELEASE, RELEASED),
            CONFIRMED, Map.of(RESCHEDULE, CONFIRMED, CHECK_IN, CHECKED_IN, CANCEL, CANCELLED, MARK_NO_SHOW, NO_SHOW),
            CHECKED_IN, Map.of(COMPLETE, COMPLETED, CANCEL, CANCELLED),
            COMPLETED, Map.of(),
            CANCELLED, Map.of(),
            NO_SHOW, Map.of(),
            RELEASED, Map.of(),
            EXPIRED, Map.of());

    static Stream<Arguments> everyPair() {
        return Stream.of(BookingStatus.values())
                .flatMap(s -> Stream.of(BookingAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void theStateMachineAllowsExactlyTheDocumentedTransitions(BookingStatus from, BookingAction action) {
        BookingStatus expected = ALLOWED.get(from).get(action);
        if (expected != null) {
            assertThat(from.after(action)).isEqualTo(expected);
            assertThat(from.allows(action)).isTrue();
        } else {
            assertThat(from.allows(action)).isFalse();
            assertThatThrownBy(() -> from.after(action))
                    .isInstanceOf(IllegalTransitionException.class)
                    .satisfies(e -> assertThat(((IllegalTransitionException) e).status()).isEqualTo(409))
                    .satisfies(e -> assertThat(((IllegalTransitionException) e).slug()).isEqualTo("illegal-transition"));
        }
    }

    @Test
    void onlyLiveAndCompletedBookingsHoldTime() {
        assertThat(BookingStatus.OCCUPYING).containsExactlyInAnyOrder(CONFIRMED, CHECKED_IN, COMPLETED);
        assertThat(CANCELLED.occupiesTime()).isFalse();
        assertThat(NO_SHOW.occupiesTime()).isFalse();
        // a hold takes the time only while it lives, so it reserves (the constraints) but does not occupy
        assertThat(HELD.occupiesTime()).isFalse();
        // so does a booking waiting for its deposit
        assertThat(PENDING_PAYMENT.occupiesTime()).isFalse();
        assertThat(BookingStatus.RESERVING).containsExactlyInAnyOrder(HELD, PENDING_PAYMENT, CONFIRMED, CHECKED_IN, COMPLETED);
        assertThat(BookingStatus.HOLDING).containsExactlyInAnyOrder(HELD, PENDING_PAYMENT);
    }

    @Test
    void finalStatesAllowNothing() {
        assertThat(Stream.of(BookingStatus.values()).filter(BookingStatus::isFinal))
                .containsExactlyInAnyOrder(COMPLETED, CANCELLED, NO_SHOW, RELEASED, EXPIRED);
    }
}
