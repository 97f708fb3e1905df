package io.stipple.gallery.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The audit trail of private image access. */
@ApplicationScoped
public class AccessAuditRepository implements PanacheRepositoryBase<AccessAuditEntry, UUID> {

    public void add(AccessAuditEntry entry) {
        persist(entry);
    }

    /** An entry by id (e.g. the issuing of a signed link, which the link names). */
    public Optional<AccessAuditEntry> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** A page of the photo's trail in the clinic, oldest first. */
    public Page<AccessAuditEntry> ofPhoto(UUID clinicId, UUID photoId, PageQuery page) {
        PanacheQuery<AccessAuditEntry> q = find("clinicId = :clinic and photoId = :photo",
                Sort.by("accessedAt").and("id"), Parameters.with("clinic", clinicId).and("photo", photoId));
        long total = q.count();
        return Page.of(total == 0 ? List.of() : q.page(page.page, page.size).list(), page, total);
    }

    /** Every access to the client's images in the clinic, oldest first. */
    public List<AccessAuditEntry> ofClientInOrder(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2 order by accessedAt, id", clinicId, clientId);
    }

    /** Keeps the client's entries but no longer names the client in them (erasure). */
    public void forgetClient(UUID clinicId, UUID clientId) {
        update("clientId = null where clinicId = ?1 and clientId = ?2", clinicId, clientId);
    }
}
