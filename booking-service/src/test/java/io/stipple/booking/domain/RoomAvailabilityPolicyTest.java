package io.stipple.booking.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.booking.domain.PolicyFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class RoomAvailabilityPolicyTest {

    private static final TimeRange SESSION = new TimeRange(Instant.parse("2030-01-08T10:00:00Z"),
            Instant.parse("2030-01-08T12:30:00Z"));
    private static final TimeRange OVERLAPPING = new TimeRange(Instant.parse("2030-01-08T12:00:00Z"),
            Instant.parse("2030-01-08T13:00:00Z"));
    private static final TimeRange BEFORE = new TimeRange(Instant.parse("2030-01-08T08:00:00Z"),
            Instant.parse("2030-01-08T10:00:00Z"));

    private static Room room(String name, boolean active) {
        Room r = new Room();
        r.id = UUID.randomUUID();
        r.name = name;
        r.active = active;
        return r;
    }

    @Test
    void aFreeActiveRoomMayBeBooked() {
        Room one = room("Room 1", true);
        assertThat(RoomAvailabilityPolicy.isFree(one, List.of())).isTrue();
        assertThatCode(() -> RoomAvailabilityPolicy.check(one, List.of())).doesNotThrowAnyException();
    }

    @Test
    void aNamedRoomTakenOrInactiveIsRoomUnavailable() {
        Room taken = room("Room 1", true);
        Room closed = room("Room 2", false);
        assertThat(RoomAvailabilityPolicy.isFree(taken, List.of(OVERLAPPING))).isFalse();
        assertThat(RoomAvailabilityPolicy.isFree(closed, List.of())).isFalse();
        violation(() -> RoomAvailabilityPolicy.check(taken, List.of(OVERLAPPING)), 409, "room-unavailable",
                "Room 1 is not available at that time");
        violation(() -> RoomAvailabilityPolicy.check(closed, List.of()), 409, "room-unavailable",
                "Room 2 is not available at that time");
    }

    @Test
    void leftOpenTheFirstRoomFreeForTheWholeOccupiedTimeIsTaken() {
        Room one = room("Room 1", true);
        Room two = room("Room 2", true);
        Room three = room("Room 3", true);
        // a booking that ends when this one starts does not overlap
        Room chosen = RoomAvailabilityPolicy.firstFree(List.of(one, two, three),
                Map.of(one.id, List.of(OVERLAPPING), two.id, List.of(BEFORE)), SESSION);
        assertThat(chosen).isSameAs(two);
    }

    @Test
    void noFreeRoomIsNoRoomAvailable() {
        Room one = room("Room 1", true);
        violation(() -> RoomAvailabilityPolicy.firstFree(List.of(one, room("Room 2", false)),
                Map.of(one.id, List.of(OVERLAPPING)), SESSION), 409, "no-room-available", "No room is free at that time");
        violation(() -> RoomAvailabilityPolicy.firstFree(List.of(), Map.of(), SESSION), 409, "no-room-available",
                "No room is free at that time");
    }
}
