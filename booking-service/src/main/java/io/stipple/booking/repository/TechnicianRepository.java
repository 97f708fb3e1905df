package io.stipple.booking.repository;

import io.stipple.booking.domain.Technician;
import io.stipple.booking.domain.TimeOff;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The technician aggregate: a technician and their time off. */
@ApplicationScoped
public class TechnicianRepository {

    /** The technician by id, of any clinic Row-Level Security shows; callers check the clinic. */
    public Optional<Technician> find(UUID id) {
        return Optional.ofNullable(Technician.<Technician>findById(id));
    }

    public void persist(Technician technician) {
        technician.persist();
    }

    public void flush() {
        Technician.getEntityManager().flush();
    }

    public Page<Technician> page(UUID clinicId, PageQuery page) {
        var query = Technician.<Technician>find("clinicId = ?1 order by createdAt, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** The clinic's active technicians, oldest first. */
    public List<Technician> active(UUID clinicId) {
        return Technician.list("clinicId = ?1 and active = true order by createdAt, id", clinicId);
    }

    public void persist(TimeOff off) {
        off.persist();
    }

    public Page<TimeOff> timeOff(UUID technicianId, PageQuery page) {
        var query = TimeOff.<TimeOff>find("technicianId = ?1 order by startsAt, id", technicianId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** Deletes the technician's time off; the number of rows deleted (0 when there is none). */
    public long deleteTimeOff(UUID clinicId, UUID technicianId, UUID id) {
        return TimeOff.delete("id = ?1 and technicianId = ?2 and clinicId = ?3", id, technicianId, clinicId);
    }

    /** Time off of these technicians overlapping [from, to). */
    public List<TimeOff> timeOffBetween(UUID clinicId, List<UUID> technicianIds, Instant from, Instant to) {
        // no list parameter: Hibernate re-interprets a query with an `in` list on every call (a tenth of a search's
        // CPU); one technician is one parameter, several are the clinic's time off in the window, filtered here
        if (technicianIds.size() == 1) {
            return TimeOff.list("technicianId = ?1 and startsAt < ?3 and endsAt > ?2 order by startsAt, id",
                    technicianIds.get(0), from, to);
        }
        Set<UUID> wanted = Set.copyOf(technicianIds);
        return TimeOff.<TimeOff>list("clinicId = ?1 and startsAt < ?3 and endsAt > ?2 order by startsAt, id", clinicId, from, to)
                .stream().filter(off -> wanted.contains(off.technicianId)).toList();
    }
}
