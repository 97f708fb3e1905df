package io.stipple.booking.repository;

import io.stipple.booking.domain.WaitlistEntry;
import io.stipple.booking.domain.WaitlistEntryStatus;
import io.stipple.booking.domain.WaitlistOffer;
import io.stipple.booking.domain.WaitlistOfferStatus;
import io.stipple.booking.domain.WaitlistSlot;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The waitlist aggregate: entries, the freed time to offer (slots) and the offers made of it. */
@ApplicationScoped
public class WaitlistRepository {

    @Inject
    EntityManager em;

    // --- entries ---------------------------------------------------------------------------------------------

    /** The next join-order number. */
    public long nextSeq() {
        return ((Number) em.createNativeQuery("select nextval('waitlist_entry_seq')").getSingleResult()).longValue();
    }

    public void persist(WaitlistEntry entry) {
        em.persist(entry);
    }

    public Optional<WaitlistEntry> entry(UUID clinicId, UUID id) {
        WaitlistEntry e = em.find(WaitlistEntry.class, id);
        return e != null && e.clinicId.equals(clinicId) ? Optional.of(e) : Optional.empty();
    }

    public Optional<WaitlistEntry> entryForUpdate(UUID clinicId, UUID id) {
        WaitlistEntry e = em.find(WaitlistEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        return e != null && e.clinicId.equals(clinicId) ? Optional.of(e) : Optional.empty();
    }

    /** Does anybody wait for this treatment in the clinic? (Freed time nobody could want is not recorded.) */
    public boolean anyWaiting(UUID clinicId, UUID treatmentId) {
        return !em.createQuery("select e.id from WaitlistEntry e where e.clinicId = :clinic and e.treatmentId = :treatment "
                        + "and e.status = :waiting", UUID.class)
                .setParameter("clinic", clinicId).setParameter("treatment", treatmentId)
                .setParameter("waiting", WaitlistEntryStatus.WAITING)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The clinic's waiting entries for the treatment that were not offered this slot yet, in join order. */
    public List<WaitlistEntry> candidates(UUID clinicId, UUID slotId, UUID treatmentId) {
        return em.createQuery("""
                        from WaitlistEntry e where e.clinicId = :clinic and e.treatmentId = :treatment and e.status = :waiting
                        and not exists (select 1 from WaitlistOffer o where o.slotId = :slot and o.entryId = e.id)
                        order by e.seq""", WaitlistEntry.class)
                .setParameter("clinic", clinicId).setParameter("treatment", treatmentId).setParameter("slot", slotId)
                .setParameter("waiting", WaitlistEntryStatus.WAITING)
                .getResultList();
    }

    /** Filters of the entries list; null means "any"; {@code onlyClients} (a partner's view) limits it, empty: none. */
    public record EntryFilter(UUID clinicId, UUID clientId, UUID treatmentId, WaitlistEntryStatus status,
                              Collection<UUID> onlyClients) {
    }

    public List<WaitlistEntry> entries(EntryFilter f, PageQuery page) {
        return list(WaitlistEntry.class, "e", "e.seq", entryConditions(f), f.clinicId(), f.onlyClients(), page);
    }

    public long count(EntryFilter f) {
        return count(WaitlistEntry.class, "e", entryConditions(f), f.clinicId(), f.onlyClients());
    }

    private static Map<String, Object> entryConditions(EntryFilter f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clientId", f.clientId());
        c.put("treatmentId", f.treatmentId());
        c.put("status", f.status());
        return c;
    }

    /**
     * The place in line (1 for the first) of each of these entries that is still in line, among the clinic's live
     * entries for the same treatment.
     */
    public Map<UUID, Integer> positions(UUID clinicId, Collection<UUID> entryIds) {
        Map<UUID, Integer> out = new HashMap<>();
        if (entryIds.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, position from (
                            select id, rank() over (partition by treatment_id order by seq) as position
                            from waitlist_entry where clinic_id = :clinic and status in ('WAITING', 'OFFERED')) line
                        where id in (:ids)""")
                .setParameter("clinic", clinicId).setParameter("ids", entryIds).getResultList();
        for (Object[] row : rows) out.put((UUID) row[0], ((Number) row[1]).intValue());
        return out;
    }

    // --- freed time ------------------------------------------------------------------------------------------

    public void persist(WaitlistSlot slot) {
        em.persist(slot);
    }

    /**
     * The slot, locked, if it waits to be matched and no other worker (of this or another instance) is matching it
     * right now: {@code for update skip locked}, so one slot is matched one step at a time, by one worker.
     */
    public Optional<WaitlistSlot> slotToMatch(UUID clinicId, UUID id) {
        @SuppressWarnings("unchecked")
        List<WaitlistSlot> found = em.createNativeQuery("""
                        select * from waitlist_slot where clinic_id = :clinic and id = :id and status = 'PENDING'
                        for update skip locked""", WaitlistSlot.class)
                .setParameter("clinic", clinicId).setParameter("id", id).getResultList();
        return found.stream().findFirst();
    }

    /** The slot, locked: accepting or declining one of its offers happens one at a time. */
    public Optional<WaitlistSlot> slotForUpdate(UUID clinicId, UUID id) {
        WaitlistSlot s = em.find(WaitlistSlot.class, id, LockModeType.PESSIMISTIC_WRITE);
        return s != null && s.clinicId.equals(clinicId) ? Optional.of(s) : Optional.empty();
    }

    public Optional<WaitlistSlot> slot(UUID clinicId, UUID id) {
        WaitlistSlot s = em.find(WaitlistSlot.class, id);
        return s != null && s.clinicId.equals(clinicId) ? Optional.of(s) : Optional.empty();
    }

    /** A slot waiting to be matched: its clinic and id. */
    public record PendingSlot(UUID clinicId, UUID id) {
    }

    /** Slots of every clinic still waiting to be matched, oldest first (the sweep; needs a cross-clinic scope). */
    public List<PendingSlot> pendingSlots(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select clinic_id, id from waitlist_slot where status = 'PENDING' order by created_at limit :limit")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new PendingSlot((UUID) r[0], (UUID) r[1])).toList();
    }

    // --- offers ----------------------------------------------------------------------------------------------

    public void persist(WaitlistOffer offer) {
        em.persist(offer);
    }

    public Optional<WaitlistOffer> offer(UUID clinicId, UUID id) {
        WaitlistOffer o = em.find(WaitlistOffer.class, id);
        return o != null && o.clinicId.equals(clinicId) ? Optional.of(o) : Optional.empty();
    }

    /** Locks the offer (after its slot: the lock order of accepting and declining is slot, offer, booking). */
    public WaitlistOffer lock(WaitlistOffer offer) {
        em.lock(offer, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(offer);
        return offer;
    }

    /** The open first-in-line offer whose hold this booking is, if any. */
    public Optional<WaitlistOffer> openOfferHeldBy(UUID bookingId) {
        return em.createQuery("from WaitlistOffer where bookingId = :booking and status = :open", WaitlistOffer.class)
                .setParameter("booking", bookingId).setParameter("open", WaitlistOfferStatus.OPEN)
                .getResultStream().findFirst();
    }

    public List<WaitlistOffer> openOffersOfSlot(UUID clinicId, UUID slotId) {
        return em.createQuery("from WaitlistOffer where clinicId = :clinic and slotId = :slot and status = :open",
                        WaitlistOffer.class)
                .setParameter("clinic", clinicId).setParameter("slot", slotId).setParameter("open", WaitlistOfferStatus.OPEN)
                .getResultList();
    }

    public List<WaitlistOffer> openOffersOfEntry(UUID clinicId, UUID entryId) {
        return em.createQuery("from WaitlistOffer where clinicId = :clinic and entryId = :entry and status = :open",
                        WaitlistOffer.class)
                .setParameter("clinic", clinicId).setParameter("entry", entryId).setParameter("open", WaitlistOfferStatus.OPEN)
                .getResultList();
    }

    public boolean anyOffers(UUID clinicId, UUID slotId) {
        return !em.createQuery("select o.id from WaitlistOffer o where o.clinicId = :clinic and o.slotId = :slot", UUID.class)
                .setParameter("clinic", clinicId).setParameter("slot", slotId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Filters of the offers list; null means "any"; {@code onlyClients} (a partner's view) limits it, empty: none. */
    public record OfferFilter(UUID clinicId, UUID clientId, UUID entryId, WaitlistOfferStatus status,
                              Collection<UUID> onlyClients) {
    }

    public List<WaitlistOffer> offers(OfferFilter f, PageQuery page) {
        return list(WaitlistOffer.class, "o", "o.createdAt, o.id", offerConditions(f), f.clinicId(), f.onlyClients(), page);
    }

    public long count(OfferFilter f) {
        return count(WaitlistOffer.class, "o", offerConditions(f), f.clinicId(), f.onlyClients());
    }

    private static Map<String, Object> offerConditions(OfferFilter f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clientId", f.clientId());
        c.put("entryId", f.entryId());
        c.put("status", f.status());
        return c;
    }

    // --- filtered lists: the clinic's rows, "field = value" for each value given, a partner's clients ----------

    private <T> List<T> list(Class<T> type, String alias, String order, Map<String, Object> conditions, UUID clinicId,
                             Collection<UUID> onlyClients, PageQuery page) {
        if (onlyClients != null && onlyClients.isEmpty()) return List.of();
        TypedQuery<T> q = em.createQuery("select " + alias + " from " + type.getSimpleName() + " " + alias + " where "
                + where(alias, conditions, onlyClients) + " order by " + order, type);
        bind(q, conditions, clinicId, onlyClients);
        return q.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
    }

    private long count(Class<?> type, String alias, Map<String, Object> conditions, UUID clinicId,
                       Collection<UUID> onlyClients) {
        if (onlyClients != null && onlyClients.isEmpty()) return 0;
        TypedQuery<Long> q = em.createQuery("select count(" + alias + ") from " + type.getSimpleName() + " " + alias
                + " where " + where(alias, conditions, onlyClients), Long.class);
        bind(q, conditions, clinicId, onlyClients);
        return q.getSingleResult();
    }

    private static String where(String alias, Map<String, Object> conditions, Collection<UUID> onlyClients) {
        StringBuilder w = new StringBuilder(alias + ".clinicId = :clinic");
        conditions.forEach((field, value) -> {
            if (value != null) w.append(" and ").append(alias).append('.').append(field).append(" = :").append(field);
        });
        if (onlyClients != null) w.append(" and ").append(alias).append(".clientId in :onlyClients");
        return w.toString();
    }

    private static void bind(TypedQuery<?> q, Map<String, Object> conditions, UUID clinicId, Collection<UUID> onlyClients) {
        q.setParameter("clinic", clinicId);
        conditions.forEach((field, value) -> {
            if (value != null) q.setParameter(field, value);
        });
        if (onlyClients != null) q.setParameter("onlyClients", onlyClients);
    }

    public void flush() {
        em.flush();
    }
}
