package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.Partner;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, Partner.Key> {

    public Optional<Partner> findInClinic(UUID clinicId, String partnerId) {
        return find("clinicId = ?1 and partnerId = ?2", clinicId, partnerId).firstResultOptional();
    }

    /** The clinic's partners, first registered first. */
    public Page<Partner> forClinic(UUID clinicId, PageQuery page) {
        var query = find("clinicId", Sort.by("registeredAt").and("partnerId"), clinicId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** Adds a new Partner (written at the next flush, at the latest at commit). */
    public void add(Partner entity) {
        persist(entity);
    }

    /** Writes the pending changes now, so a constraint violation surfaces here rather than at commit. */
    public void flushChanges() {
        flush();
    }
}
