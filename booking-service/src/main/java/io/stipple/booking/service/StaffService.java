package io.stipple.booking.service;

import io.stipple.booking.domain.Room;
import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOff;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.rest.StaffModels.RoomRequest;
import io.stipple.booking.rest.StaffModels.TechnicianRequest;
import io.stipple.booking.rest.StaffModels.TimeOffRequest;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.stipple.booking.repository.SqlState;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Technicians (treatments they perform, working week, time off) and rooms of a clinic. */
@ApplicationScoped
@Transactional
public class StaffService {

    @Inject
    Clock clock;

    @Inject
    ClinicService clinics;

    public Technician createTechnician(UUID clinicId, TechnicianRequest request) {
        clinics.require(clinicId);
        Technician t = new Technician();
        t.id = UUID.randomUUID();
        t.clinicId = clinicId;
        t.createdAt = clock.instant();
        apply(t, request);
        t.persist();
        return t;
    }

    public Technician updateTechnician(UUID clinicId, UUID id, TechnicianRequest request, String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        Technician t = technician(clinicId, id);
        ETags.checkCurrent(expected, t.version);
        apply(t, request);
        Technician.getEntityManager().flush();
        return t;
    }

    private void apply(Technician t, TechnicianRequest request) {
        List<UUID> treatments = List.copyOf(new LinkedHashSet<>(request.treatmentIds()));
        for (int i = 0; i < treatments.size(); i++) {
            Treatment treatment = Treatment.findById(treatments.get(i));
            if (treatment == null || !treatment.clinicId.equals(t.clinicId)) {
                throw ProblemException.invalidField("treatmentIds[" + i + "]", "is not a treatment of this clinic");
            }
        }
        t.displayName = request.displayName().trim();
        t.email = request.email();
        t.treatmentIds = treatments;
        t.workingHours = ClinicService.week(request.workingHours(), "workingHours");
        t.active = request.active() == null || request.active();
        t.updatedAt = clock.instant();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Technician technician(UUID clinicId, UUID id) {
        Technician t = Technician.findById(id);
        if (t == null || !t.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Technician " + id);
        }
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Technician> technicians(UUID clinicId, PageQuery page) {
        var query = Technician.<Technician>find("clinicId = ?1 order by createdAt, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** Active technicians of the clinic who perform the treatment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Technician> qualified(UUID clinicId, UUID treatmentId) {
        return Technician.<Technician>list("clinicId = ?1 and active = true order by createdAt, id", clinicId).stream()
                .filter(t -> t.performs(treatmentId))
                .toList();
    }

    public TimeOff addTimeOff(UUID clinicId, UUID technicianId, TimeOffRequest request) {
        technician(clinicId, technicianId);
        Instant start = request.startsAt().toInstant();
        Instant end = request.endsAt().toInstant();
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        TimeOff off = new TimeOff();
        off.id = UUID.randomUUID();
        off.clinicId = clinicId;
        off.technicianId = technicianId;
        off.startsAt = start;
        off.endsAt = end;
        off.reason = request.reason();
        off.createdAt = clock.instant();
        off.persist();
        return off;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TimeOff> timeOff(UUID clinicId, UUID technicianId, PageQuery page) {
        technician(clinicId, technicianId);
        var query = TimeOff.<TimeOff>find("technicianId = ?1 order by startsAt, id", technicianId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public void deleteTimeOff(UUID clinicId, UUID technicianId, UUID id) {
        if (TimeOff.delete("id = ?1 and technicianId = ?2 and clinicId = ?3", id, technicianId, clinicId) == 0) {
            throw ProblemException.notFound("Time off " + id);
        }
    }

    /** Time off of these technicians overlapping [from, to). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimeOff> timeOffBetween(List<UUID> technicianIds, Instant from, Instant to) {
        if (technicianIds.isEmpty()) return List.of();
        return TimeOff.list("technicianId in ?1 and startsAt < ?3 and endsAt > ?2", technicianIds, from, to);
    }

    public Room createRoom(UUID clinicId, RoomRequest request) {
        clinics.require(clinicId);
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.clinicId = clinicId;
        room.createdAt = clock.instant();
        room.name = request.name().trim();
        room.active = request.active() == null || request.active();
        room.persist();
        flushUniqueName(request.name());
        return room;
    }

    public Room updateRoom(UUID clinicId, UUID id, RoomRequest request, String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        Room room = room(clinicId, id);
        ETags.checkCurrent(expected, room.version);
        room.name = request.name().trim();
        room.active = request.active() == null || request.active();
        flushUniqueName(request.name());
        return room;
    }

    private void flushUniqueName(String name) {
        try {
            Room.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (!SqlState.UNIQUE_VIOLATION.equals(SqlState.of(e))) throw e;
            throw ProblemException.conflict("room-name-taken", "The clinic already has a room named '" + name + "'");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Room room(UUID clinicId, UUID id) {
        Room room = Room.findById(id);
        if (room == null || !room.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Room " + id);
        }
        return room;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Room> rooms(UUID clinicId, PageQuery page) {
        var query = Room.<Room>find("clinicId = ?1 order by createdAt, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Room> activeRooms(UUID clinicId) {
        return Room.list("clinicId = ?1 and active = true order by name, id", clinicId);
    }
}
