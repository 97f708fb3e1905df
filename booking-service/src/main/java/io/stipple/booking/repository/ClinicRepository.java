package io.stipple.booking.repository;

import io.stipple.booking.domain.Clinic;
import io.stipple.booking.domain.ClinicClosure;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The clinic aggregate: its profile and its closures. */
@ApplicationScoped
public class ClinicRepository {

    public Optional<Clinic> find(UUID clinicId) {
        return Optional.ofNullable(Clinic.<Clinic>findById(clinicId));
    }

    public void persist(Clinic clinic) {
        clinic.persist();
    }

    /** Writes now, so the database's constraints (e.g. the primary key of two first PUTs) answer inside the request. */
    public void flush() {
        Clinic.getEntityManager().flush();
    }

    public void persist(ClinicClosure closure) {
        closure.persist();
    }

    public Page<ClinicClosure> closures(UUID clinicId, PageQuery page) {
        var query = ClinicClosure.<ClinicClosure>find("clinicId = ?1 order by firstDay, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** Deletes the clinic's closure; the number of rows deleted (0 when there is none). */
    public long deleteClosure(UUID clinicId, UUID closureId) {
        return ClinicClosure.delete("id = ?1 and clinicId = ?2", closureId, clinicId);
    }

    /** The clinic's closures overlapping the local dates [first, last]. */
    public List<ClinicClosure> closuresBetween(UUID clinicId, LocalDate first, LocalDate last) {
        return ClinicClosure.list("clinicId = ?1 and lastDay >= ?2 and firstDay <= ?3", clinicId, first, last);
    }
}
