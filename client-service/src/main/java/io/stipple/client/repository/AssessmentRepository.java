package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.Assessment;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** History order: oldest first. */
    public Page<Assessment> history(UUID clientId, PageQuery page) {
        var query = find("clientId", Sort.by("assessedAt").and("createdAt").and("id"), clientId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public List<Assessment> all(UUID clientId) {
        return list("clientId", Sort.by("assessedAt").and("createdAt").and("id"), clientId);
    }

    public Optional<Assessment> latest(UUID clientId) {
        return find("clientId", Sort.descending("assessedAt", "createdAt", "id"), clientId).firstResultOptional();
    }

    public Optional<Assessment> findForClient(UUID clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResultOptional();
    }

    /** Adds a new Assessment (written at the next flush, at the latest at commit). */
    public void add(Assessment entity) {
        persist(entity);
    }

    /** Deletes all the client's assessments (erasure). */
    public void deleteForClient(UUID clientId) {
        delete("clientId", clientId);
    }
}
