package io.stipple.booking.domain;

import io.stipple.platform.problem.RuleViolation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A room is booked once at a time, and only while active: a room the caller named that is taken or inactive is
 * 409 {@code room-unavailable}; when the caller left the room open, the first active room free for the booking's
 * occupied time is taken, none is 409 {@code no-room-available}. Only the nicer messages; PostgreSQL's exclusion
 * constraint is the guard.
 */
public final class RoomAvailabilityPolicy {

    private RoomAvailabilityPolicy() {
    }

    /** @param taken the room's other bookings' occupied time overlapping this booking's */
    public static boolean isFree(Room room, List<TimeRange> taken) {
        return room.active && taken.isEmpty();
    }

    /** @param taken the named room's other bookings' occupied time overlapping this booking's */
    public static void check(Room room, List<TimeRange> taken) {
        if (!isFree(room, taken)) {
            throw RuleViolation.conflict("room-unavailable", room.name + " is not available at that time");
        }
    }

    /**
     * @param rooms the clinic's active rooms, in the order they are offered
     * @param busy  each room's booked time around {@code occupied}
     * @return the first room free for the whole of {@code occupied}
     */
    public static Room firstFree(List<Room> rooms, Map<UUID, List<TimeRange>> busy, TimeRange occupied) {
        return rooms.stream().filter(r -> r.active && BusyTimes.of(busy.getOrDefault(r.id, List.of())).isFree(occupied))
                .findFirst()
                .orElseThrow(() -> RuleViolation.conflict("no-room-available", "No room is free at that time"));
    }
}
