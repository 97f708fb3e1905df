package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.ConsentState;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
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

    public ConsentState state(UUID clientId) {
        return ConsentState.of(history(clientId));
    }
}
