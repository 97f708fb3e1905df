package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.PlanStatus;
import io.stipple.client.domain.TreatmentPlan;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TreatmentPlanRepository implements PanacheRepositoryBase<TreatmentPlan, UUID> {

    public Page<TreatmentPlan> forClient(UUID clientId, PageQuery page) {
        var query = find("clientId", Sort.by("createdAt").and("id"), clientId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public List<TreatmentPlan> all(UUID clientId) {
        return list("clientId", Sort.by("createdAt").and("id"), clientId);
    }

    public Optional<TreatmentPlan> findForClient(UUID clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResultOptional();
    }

    /** An agreed or running plan of the client other than {@code exceptPlan}. */
    public Optional<TreatmentPlan> otherActive(UUID clientId, UUID exceptPlan) {
        return find("clientId = ?1 and id <> ?2 and status in ?3", clientId, exceptPlan,
                List.of(PlanStatus.AGREED, PlanStatus.IN_PROGRESS)).firstResultOptional();
    }

    /** Adds a new TreatmentPlan (written at the next flush, at the latest at commit). */
    public void add(TreatmentPlan entity) {
        persist(entity);
    }

    /** Writes the pending changes now, so a constraint violation surfaces here rather than at commit. */
    public void flushChanges() {
        flush();
    }

    /** Deletes all the client's plans (erasure). */
    public void deleteForClient(UUID clientId) {
        delete("clientId", clientId);
    }
}
