package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.AuditEntry;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    public Page<AuditEntry> forClient(UUID clinicId, UUID clientId, PageQuery page) {
        var query = find("clinicId = ?1 and clientId = ?2", Sort.by("seq"), clinicId, clientId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    public List<AuditEntry> all(UUID clientId) {
        return list("clientId", Sort.by("seq"), clientId);
    }

    public void add(AuditEntry entry) {
        persist(entry);
    }

    /**
     * Erasure: the client's entries keep only who did what when: their details go, and the client's own actions
     * ({@code clientRole}) are attributed to {@code erasedActor}.
     */
    public void anonymise(UUID clientId, String erasedActor, String clientRole) {
        update("detail = null where clientId = ?1", clientId);
        update("actor = ?1 where clientId = ?2 and actorRole = ?3", erasedActor, clientId, clientRole);
    }
}
