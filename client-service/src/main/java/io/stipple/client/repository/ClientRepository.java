package io.stipple.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.stipple.client.domain.Client;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    private static final Sort ORDER = Sort.by("createdAt").and("id");

    public Optional<Client> findInClinic(UUID id, UUID clinicId) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    public Optional<Client> findByEmail(UUID clinicId, String email) {
        return find("clinicId = ?1 and email = ?2", clinicId, email).firstResultOptional();
    }

    /**
     * Locks the client's row until the transaction ends: {@code FOR UPDATE} to change what the client has consented
     * to or to erase them, {@code FOR SHARE} to act on it (agreeing a plan), so a decision taken on a client's
     * consents is never taken on consents being changed at the same moment. Reloads the entity's state.
     */
    public Client lock(Client client, LockModeType mode) {
        getEntityManager().refresh(client, mode);
        return client;
    }

    public Optional<Client> findByPhone(UUID clinicId, String phone) {
        return find("clinicId = ?1 and phone = ?2", clinicId, phone).firstResultOptional();
    }

    /**
     * A page of clients of the clinic matching the filters, oldest first. {@code onlyIds}, when not null, narrows it
     * to the clients a partner or client token may see; no clinic means no clients.
     *
     * @param name  part of the first or last name (case-insensitive), or null
     * @param email exact (normalised) email, or null
     * @param phone exact E.164 phone, or null
     */
    public Page<Client> search(UUID clinicId, Collection<UUID> onlyIds, String name, String email, String phone,
                               PageQuery page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (clinicId == null) {
            return Page.of(List.of(), page, 0);
        }
        where.add("clinicId = :clinicId");
        params.and("clinicId", clinicId);
        if (onlyIds != null) {
            if (onlyIds.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            where.add("id in :ids");
            params.and("ids", onlyIds);
        }
        if (name != null && !name.isBlank()) {
            where.add("(lower(firstName) like :name or lower(lastName) like :name"
                    + " or lower(concat(firstName, ' ', lastName)) like :name)");
            params.and("name", "%" + escapeLike(name.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (email != null) {
            where.add("email = :email");
            params.and("email", email);
        }
        if (phone != null) {
            where.add("phone = :phone");
            params.and("phone", phone);
        }
        String query = String.join(" and ", where);
        var panacheQuery = find(query, ORDER, params);
        long total = panacheQuery.count();
        List<Client> items = panacheQuery.page(page.page, page.size).list();
        return Page.of(items, page, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Adds a new Client (written at the next flush, at the latest at commit). */
    public void add(Client entity) {
        persist(entity);
    }

    /** Writes the pending changes now, so a constraint violation surfaces here rather than at commit. */
    public void flushChanges() {
        flush();
    }

    /** Deletes the client and writes the deletion now (erasure). */
    public void deleteNow(Client client) {
        delete(client);
        flush();
    }

    /**
     * Deletes the client's events from the platform's outbox, sent or not (erasure: ClientErased supersedes them).
     * The partner registry's events are keyed by partner id and are kept.
     */
    public void deleteOutboxEvents(UUID clientId) {
        getEntityManager().createNativeQuery("delete from outbox_event where message_key = :key"
                        + " and event_type not in ('io.stipple.PartnerRegistered', 'io.stipple.PartnerUpdated')")
                .setParameter("key", clientId.toString())
                .executeUpdate();
    }
}
