package io.stipple.platform.partner;

import com.fasterxml.jackson.databind.JsonNode;
import io.stipple.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The clinic's registered partners and which clients currently share with which partner: the one answer every
 * service gives to "may partner P of clinic C see client X?". client-service owns both facts and writes them
 * here in the same transaction as the change; booking, notification and gallery keep the same tables as a
 * projection of client-service's events ({@link #apply(EventEnvelope)} from their client-events handler).
 *
 * <p>Rows are keyed by clinic (and protected by Row-Level Security like every clinic table): a partner id is
 * only meaningful inside its clinic, so the same id in another clinic is another partner. A change carries the
 * time it happened; an older change never overwrites a newer one, so a redelivered grant cannot undo a
 * withdrawal.
 */
@ApplicationScoped
public class PartnerDirectory {

    /** Partner ids are chosen by the clinic when it registers a partner: short, URL- and claim-safe. */
    public static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");

    public static final String ACTIVE = "ACTIVE";
    public static final String PARTNER_SHARING = "PARTNER_SHARING";

    /**
     * When a change replaces the recorded one: by the producer's per-subject sequence when both have one (exact:
     * commit order), else by the time of the change.
     */
    private static final String NEWER = """
            \scase when %1$s.source_sequence is not null and excluded.source_sequence is not null
                 then excluded.source_sequence > %1$s.source_sequence
                 else %1$s.as_of <= excluded.as_of end""";

    @Inject
    EntityManager em;

    /** True when {@code partnerId} names an ACTIVE partner registered by {@code clinicId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(UUID clinicId, String partnerId) {
        if (clinicId == null || partnerId == null) {
            return false;
        }
        return !em.createNativeQuery("""
                        select 1 from partner_registry
                        where clinic_id = :clinic and partner_id = :partner and status = 'ACTIVE'""")
                .setParameter("clinic", clinicId)
                .setParameter("partner", partnerId)
                .getResultList().isEmpty();
    }

    /** True while the client currently shares with that partner and the partner is active in the clinic. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean sharesWith(UUID clinicId, UUID clientId, String partnerId) {
        if (clinicId == null || clientId == null || partnerId == null) {
            return false;
        }
        return !em.createNativeQuery("""
                        select 1 from partner_sharing s
                        join partner_registry p on p.clinic_id = s.clinic_id and p.partner_id = s.partner_id
                        where s.clinic_id = :clinic and s.client_id = :client and s.partner_id = :partner
                          and s.shared and p.status = 'ACTIVE'""")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("partner", partnerId)
                .getResultList().isEmpty();
    }

    /** The clients of the clinic that currently share with the (active) partner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> clientsSharedWith(UUID clinicId, String partnerId) {
        if (clinicId == null || partnerId == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select s.client_id from partner_sharing s
                        join partner_registry p on p.clinic_id = s.clinic_id and p.partner_id = s.partner_id
                        where s.clinic_id = :clinic and s.partner_id = :partner and s.shared and p.status = 'ACTIVE'
                        order by s.client_id""", UUID.class)
                .setParameter("clinic", clinicId)
                .setParameter("partner", partnerId)
                .getResultList();
        return ids;
    }

    /** Registers a partner or changes its name or status, unless a newer change is already recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(UUID clinicId, String partnerId, String name, String status, Instant asOf) {
        register(clinicId, partnerId, name, status, asOf, null);
    }

    private void register(UUID clinicId, String partnerId, String name, String status, Instant asOf, Long sequence) {
        em.createNativeQuery("""
                        insert into partner_registry (clinic_id, partner_id, name, status, as_of, source_sequence)
                        values (:clinic, :partner, :name, :status, :asOf, :sequence)
                        on conflict (clinic_id, partner_id) do update
                            set name = excluded.name, status = excluded.status, as_of = excluded.as_of,
                                source_sequence = excluded.source_sequence
                            where """ + NEWER.formatted("partner_registry"))
                .setParameter("sequence", sequence)
                .setParameter("clinic", clinicId)
                .setParameter("partner", partnerId)
                .setParameter("name", name)
                .setParameter("status", status)
                .setParameter("asOf", asOf)
                .executeUpdate();
    }

    /** Records that the client now shares (or no longer shares) with the partner, unless a newer change is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void share(UUID clinicId, UUID clientId, String partnerId, boolean shared, Instant asOf) {
        share(clinicId, clientId, partnerId, shared, asOf, null);
    }

    private void share(UUID clinicId, UUID clientId, String partnerId, boolean shared, Instant asOf, Long sequence) {
        em.createNativeQuery("""
                        insert into partner_sharing (clinic_id, client_id, partner_id, shared, as_of, source_sequence)
                        values (:clinic, :client, :partner, :shared, :asOf, :sequence)
                        on conflict (clinic_id, client_id, partner_id) do update
                            set shared = excluded.shared, as_of = excluded.as_of,
                                source_sequence = excluded.source_sequence
                            where """ + NEWER.formatted("partner_sharing"))
                .setParameter("sequence", sequence)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("partner", partnerId)
                .setParameter("shared", shared)
                .setParameter("asOf", asOf)
                .executeUpdate();
    }

    /** An erased client shares with nobody, and no trace of whom it shared with is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetClient(UUID clinicId, UUID clientId) {
        em.createNativeQuery("delete from partner_sharing where clinic_id = :clinic and client_id = :client")
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .executeUpdate();
    }

    /**
     * Applies a client-service event to the projection (call it from the client-events handler, inside the
     * inbox transaction). Handles PartnerRegistered, PartnerUpdated, ConsentGranted / ConsentWithdrawn of the
     * PARTNER_SHARING scope and ClientErased; anything else is left alone.
     *
     * @return true when the event was one of those
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EventEnvelope event) {
        JsonNode data = event.data();
        UUID clinic = event.clinicid();
        Instant at = event.time();
        switch (event.eventName()) {
            case "PartnerRegistered", "PartnerUpdated" -> {
                register(clinic, text(data, "partnerId"), text(data, "name"), text(data, "status"), at,
                        event.subjectsequence());
                return true;
            }
            case "ConsentGranted", "ConsentWithdrawn" -> {
                if (!PARTNER_SHARING.equals(data.path("scope").asText()) || data.path("partnerId").isMissingNode()
                        || data.path("partnerId").isNull()) {
                    return false;
                }
                share(clinic, UUID.fromString(text(data, "clientId")), text(data, "partnerId"),
                        "ConsentGranted".equals(event.eventName()), at, event.subjectsequence());
                return true;
            }
            case "ClientErased" -> {
                forgetClient(clinic, UUID.fromString(text(data, "clientId")));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.path(field);
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            throw new io.stipple.platform.events.InvalidEventException("event data has no " + field);
        }
        return node.asText();
    }
}
