package io.stipple.booking.repository;

import io.stipple.booking.domain.Room;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rooms (chairs) of a clinic. */
@ApplicationScoped
public class RoomRepository {

    /** The room by id, of any clinic Row-Level Security shows; callers check the clinic. */
    public Optional<Room> find(UUID id) {
        return Optional.ofNullable(Room.<Room>findById(id));
    }

    public void persist(Room room) {
        room.persist();
    }

    /** Writes now, so the unique index on a clinic's room names answers inside the request. */
    public void flush() {
        Room.getEntityManager().flush();
    }

    public Page<Room> page(UUID clinicId, PageQuery page) {
        var query = Room.<Room>find("clinicId = ?1 order by createdAt, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** The clinic's active rooms, by name. */
    public List<Room> active(UUID clinicId) {
        return Room.list("clinicId = ?1 and active = true order by name, id", clinicId);
    }
}
