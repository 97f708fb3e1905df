package io.stipple.booking.service;

import io.stipple.booking.domain.Room;
import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOff;
import io.stipple.booking.domain.Treatment;
import io.stipple.booking.repository.RoomRepository;
import io.stipple.booking.repository.TechnicianRepository;
import io.stipple.booking.repository.TreatmentRepository;
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

    @Inject
    TechnicianRepository technicians;

    @Inject
    RoomRepository rooms;

    @Inject
    TreatmentRepository catalogue;

    /** A technician to create or replace; {@code active} null means true. */
    public record TechnicianDetails(String displayName, String email, List<UUID> treatmentIds,
                                    List<ClinicService.Interval> workingHours, Boolean active) {
    }

    /** An absence of a technician, [startsAt, endsAt). */
    public record NewTimeOff(Instant startsAt, Instant endsAt, String reason) {
    }

    /** A room to create or replace; {@code active} null means true. */
    public record RoomDetails(String name, Boolean active) {
    }

    public Technician createTechnician(UUID clinicId, TechnicianDetails request) {
        clinics.require(clinicId);
        Technician t = new Technician();
        t.id = UUID.randomUUID();
        t.clinicId = clinicId;
        t.createdAt = clock.instant();
        apply(t, request);
        technicians.persist(t);
        return t;
    }

    public Technician updateTechnician(UUID clinicId, UUID id, TechnicianDetails request, String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        Technician t = technician(clinicId, id);
        ETags.checkCurrent(expected, t.version);
        apply(t, request);
        technicians.flush();
        return t;
    }

    private void apply(Technician t, TechnicianDetails request) {
        List<UUID> treatments = List.copyOf(new LinkedHashSet<>(request.treatmentIds()));
        for (int i = 0; i < treatments.size(); i++) {
            Treatment treatment = catalogue.find(treatments.get(i)).orElse(null);
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
        Technician t = technicians.find(id).orElse(null);
        if (t == null || !t.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Technician " + id);
        }
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Technician> technicians(UUID clinicId, PageQuery page) {
        return technicians.page(clinicId, page);
    }

    /** Active technicians of the clinic who perform the treatment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Technician> qualified(UUID clinicId, UUID treatmentId) {
        return technicians.active(clinicId).stream()
                .filter(t -> t.performs(treatmentId))
                .toList();
    }

    public TimeOff addTimeOff(UUID clinicId, UUID technicianId, NewTimeOff request) {
        technician(clinicId, technicianId);
        Instant start = request.startsAt();
        Instant end = request.endsAt();
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
        technicians.persist(off);
        return off;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TimeOff> timeOff(UUID clinicId, UUID technicianId, PageQuery page) {
        technician(clinicId, technicianId);
        return technicians.timeOff(technicianId, page);
    }

    public void deleteTimeOff(UUID clinicId, UUID technicianId, UUID id) {
        if (technicians.deleteTimeOff(clinicId, technicianId, id) == 0) {
            throw ProblemException.notFound("Time off " + id);
        }
    }

    /** Time off of these technicians (of the clinic) overlapping [from, to). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimeOff> timeOffBetween(UUID clinicId, List<UUID> technicianIds, Instant from, Instant to) {
        if (technicianIds.isEmpty()) return List.of();
        return technicians.timeOffBetween(clinicId, technicianIds, from, to);
    }

    public Room createRoom(UUID clinicId, RoomDetails request) {
        clinics.require(clinicId);
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.clinicId = clinicId;
        room.createdAt = clock.instant();
        room.name = request.name().trim();
        room.active = request.active() == null || request.active();
        rooms.persist(room);
        flushUniqueName(request.name());
        return room;
    }

    public Room updateRoom(UUID clinicId, UUID id, RoomDetails request, String ifMatch) {
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
            rooms.flush();
        } catch (PersistenceException e) {
            if (!SqlState.UNIQUE_VIOLATION.equals(SqlState.of(e))) throw e;
            throw ProblemException.conflict("room-name-taken", "The clinic already has a room named '" + name + "'");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Room room(UUID clinicId, UUID id) {
        Room room = rooms.find(id).orElse(null);
        if (room == null || !room.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Room " + id);
        }
        return room;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Room> rooms(UUID clinicId, PageQuery page) {
        return rooms.page(clinicId, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Room> activeRooms(UUID clinicId) {
        return rooms.active(clinicId);
    }
}
