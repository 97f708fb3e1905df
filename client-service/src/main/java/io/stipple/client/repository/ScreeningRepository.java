package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.Screening;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ScreeningRepository implements PanacheRepositoryBase<Screening, UUID> {

    public Page<Screening> history(UUID clientId, PageQuery page) {
        var query = find("clientId", Sort.by("screenedAt").and("createdAt").and("id"), clientId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public List<Screening> all(UUID clientId) {
        return list("clientId", Sort.by("screenedAt").and("createdAt").and("id"), clientId);
    }

    /** The screening that counts: the most recent. */
    public Optional<Screening> latest(UUID clientId) {
        return find("clientId", Sort.descending("screenedAt", "createdAt", "id"), clientId).firstResultOptional();
    }

    public Optional<Screening> findForClient(UUID clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResultOptional();
    }

    /** Adds a new Screening (written at the next flush, at the latest at commit). */
    public void add(Screening entity) {
        persist(entity);
    }

    /** Writes the pending changes now, so a constraint violation surfaces here rather than at commit. */
    public void flushChanges() {
        flush();
    }

    /** Deletes all the client's screenings (erasure). */
    public void deleteForClient(UUID clientId) {
        delete("clientId", clientId);
    }
}
