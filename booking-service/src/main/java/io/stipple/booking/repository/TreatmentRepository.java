package io.stipple.booking.repository;

import io.stipple.booking.domain.Treatment;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** The treatment catalogue. */
@ApplicationScoped
public class TreatmentRepository {

    /** The treatment by id, of any clinic Row-Level Security shows; callers check the clinic. */
    public Optional<Treatment> find(UUID id) {
        return Optional.ofNullable(Treatment.<Treatment>findById(id));
    }

    public void persist(Treatment treatment) {
        treatment.persist();
    }

    public void flush() {
        Treatment.getEntityManager().flush();
    }

    public Page<Treatment> page(UUID clinicId, PageQuery page) {
        var query = Treatment.<Treatment>find("clinicId = ?1 order by createdAt, id", clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }
}
