package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.ConsentRecord;
import io.stipple.client.domain.ConsentScope;
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

    /** True when the client's latest partner-sharing record for this partner is a grant. */
    public boolean sharedWith(UUID clientId, String partnerId) {
        return find("clientId = ?1 and scope = ?2 and partnerId = ?3", Sort.descending("seq"),
                clientId, ConsentScope.PARTNER_SHARING, partnerId)
                .firstResultOptional().map(ConsentRecord::isGrant).orElse(false);
    }

    /** The clients whose latest partner-sharing record for this partner is a grant. */
    public List<UUID> clientsSharedWith(String partnerId) {
        return getEntityManager().createQuery("""
                        select r.clientId from ConsentRecord r
                        where r.scope = :scope and r.partnerId = :partner and r.action = 'GRANTED'
                          and r.seq = (select max(o.seq) from ConsentRecord o
                                       where o.clientId = r.clientId and o.scope = r.scope and o.partnerId = r.partnerId)""",
                        UUID.class)
                .setParameter("scope", ConsentScope.PARTNER_SHARING)
                .setParameter("partner", partnerId)
                .getResultList();
    }
}
