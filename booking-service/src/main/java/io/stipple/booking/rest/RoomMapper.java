package io.stipple.booking.rest;

import io.stipple.booking.domain.Room;
import io.stipple.booking.service.StaffService;

/** Rooms: request → command, entity → view. */
public final class RoomMapper {

    private RoomMapper() {
    }

    public static StaffService.RoomDetails command(RoomRequest r) {
        return new StaffService.RoomDetails(r.name(), r.active());
    }

    public static RoomView view(Room r) {
        return new RoomView(r.id, r.name, r.active, r.version);
    }
}
