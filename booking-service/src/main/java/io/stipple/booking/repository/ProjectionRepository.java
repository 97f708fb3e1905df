package io.stipple.booking.repository;

import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.TreatmentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local projection of client-service's facts. */
@ApplicationScoped
public class ProjectionRepository {

    @Inject
    EntityManager em;

    public Optional<ClientProjection> client(UUID clinicId, UUID clientId) {
        ClientProjection c = em.find(ClientProjection.class, clientId);
        return c != null && c.clinicId.equals(clinicId) ? Optional.of(c) : Optional.empty();
    }

    public Optional<PlanProjection> plan(UUID clinicId, UUID planId) {
        PlanProjection p = em.find(PlanProjection.class, planId);
        return p != null && p.clinicId.equals(clinicId) ? Optional.of(p) : Optional.empty();
    }

    /** The client's agreed plan of a type, the most recently agreed first. */
    public Optional<PlanProjection> agreedPlan(UUID clinicId, UUID clientId, TreatmentType type) {
        return em.createQuery("""
                        from PlanProjection where clinicId = :clinic and clientId = :client and treatmentType = :type
                        and status = 'AGREED' order by agreedAt desc""", PlanProjection.class)
                .setParameter("clinic", clinicId).setParameter("client", clientId).setParameter("type", type)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<PlanProjection> plansOf(UUID clientId) {
        return em.createQuery("from PlanProjection where clientId = :client", PlanProjection.class)
                .setParameter("client", clientId).getResultList();
    }

    public boolean isShared(UUID clinicId, UUID clientId, String partnerId) {
        return !em.createNativeQuery("""
                        select 1 from partner_share where clinic_id = :clinic and client_id = :client and partner_id = :partner""")
                .setParameter("clinic", clinicId).setParameter("client", clientId).setParameter("partner", partnerId)
                .getResultList().isEmpty();
    }

    public void share(UUID clinicId, UUID clientId, String partnerId, Instant at) {
        em.createNativeQuery("""
                        insert into partner_share (client_id, partner_id, clinic_id, granted_at) values (:client, :partner, :clinic, :at)
                        on conflict (client_id, partner_id) do update set granted_at = excluded.granted_at""")
                .setParameter("client", clientId).setParameter("partner", partnerId).setParameter("clinic", clinicId)
                .setParameter("at", at).executeUpdate();
    }

    public void unshare(UUID clientId, String partnerId) {
        em.createNativeQuery("delete from partner_share where client_id = :client and partner_id = :partner")
                .setParameter("client", clientId).setParameter("partner", partnerId).executeUpdate();
    }

    /** Erasure: forget plans and partner shares of the client. */
    public void forget(UUID clientId) {
        em.createNativeQuery("delete from partner_share where client_id = :client").setParameter("client", clientId).executeUpdate();
        em.createQuery("delete from PlanProjection where clientId = :client").setParameter("client", clientId).executeUpdate();
    }
}
