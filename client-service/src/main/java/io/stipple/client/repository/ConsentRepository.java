package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.ConsentState;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    public List<ConsentRecord> history(UUID clientId) {
        return list("clientId", Sort.by("seq"), clientId);
    }

    public Page<ConsentRecord> history(UUID clientId, PageQuery page) {
        var query = find("clientId", Sort.by("seq"), clientId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** One grant or withdrawal of the client's. */
    public Optional<ConsentRecord> ofClient(UUID clientId, UUID consentId) {
        return find("id = ?1 and clientId = ?2", consentId, clientId).firstResultOptional();
    }

    public ConsentState state(UUID clientId) {
        return ConsentState.of(history(clientId));
    }

    /** Adds a new ConsentRecord (written at the next flush, at the latest at commit). */
    public void add(ConsentRecord entity) {
        persist(entity);
    }

    /** Writes the pending changes now, so a constraint violation surfaces here rather than at commit. */
    public void flushChanges() {
        flush();
    }

    /** Deletes the client's consent history (erasure). */
    public void deleteForClient(UUID clientId) {
        delete("clientId", clientId);
    }
}
