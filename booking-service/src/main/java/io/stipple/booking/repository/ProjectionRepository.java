package io.stipple.booking.repository;

import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.booking.domain.TreatmentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local projection of client-service's facts, keyed by clinic: every lookup names the clinic (and Row-Level
 * Security shows only the clinic of the unit of work anyway). Partner sharing is the platform's
 * {@code PartnerDirectory}.
 */
@ApplicationScoped
public class ProjectionRepository {

    @Inject
    EntityManager em;

    public Optional<ClientProjection> client(UUID clinicId, UUID clientId) {
        if (clinicId == null || clientId == null) return Optional.empty();
        return Optional.ofNullable(em.find(ClientProjection.class, new ClientProjection.Key(clinicId, clientId)));
    }

    /**
     * The client's row, share-locked until the transaction ends: a booking made under this lock and the client's
     * erasure (which locks the row for update before it looks for the client's bookings) never overlap.
     */
    public Optional<ClientProjection> clientForBooking(UUID clinicId, UUID clientId) {
        if (clinicId == null || clientId == null) return Optional.empty();
        return Optional.ofNullable(em.find(ClientProjection.class, new ClientProjection.Key(clinicId, clientId),
                LockModeType.PESSIMISTIC_READ));
    }

    /** The client's row locked for update (erasure). */
    public Optional<ClientProjection> clientForUpdate(UUID clinicId, UUID clientId) {
        return Optional.ofNullable(em.find(ClientProjection.class, new ClientProjection.Key(clinicId, clientId),
                LockModeType.PESSIMISTIC_WRITE));
    }

    public void persist(ClientProjection client) {
        em.persist(client);
    }

    public void persist(PlanProjection plan) {
        em.persist(plan);
    }

    /** The client's plans in the clinic, in the order they were agreed (the GDPR export). */
    public List<PlanProjection> plansOf(UUID clinicId, UUID clientId) {
        return em.createQuery("""
                        from PlanProjection where clinicId = :clinic and clientId = :client
                        order by agreedAt, planId""", PlanProjection.class)
                .setParameter("clinic", clinicId).setParameter("client", clientId).getResultList();
    }

    public Optional<PlanProjection> plan(UUID clinicId, UUID planId) {
        if (clinicId == null || planId == null) return Optional.empty();
        return Optional.ofNullable(em.find(PlanProjection.class, new PlanProjection.Key(clinicId, planId)));
    }

    /**
     * The plan locked for update: the sessions of one plan are numbered, spaced by the healing interval and
     * closed one change at a time (booking, rescheduling, cancelling the plan).
     */
    public Optional<PlanProjection> planForUpdate(UUID clinicId, UUID planId) {
        if (clinicId == null || planId == null) return Optional.empty();
        return Optional.ofNullable(em.find(PlanProjection.class, new PlanProjection.Key(clinicId, planId),
                LockModeType.PESSIMISTIC_WRITE));
    }

    /** The client's agreed plan of a type, the most recently agreed first; locked for update when asked. */
    public Optional<PlanProjection> agreedPlan(UUID clinicId, UUID clientId, TreatmentType type, boolean lock) {
        var query = em.createQuery("""
                        from PlanProjection where clinicId = :clinic and clientId = :client and treatmentType = :type
                        and status = 'AGREED' order by agreedAt desc""", PlanProjection.class)
                .setParameter("clinic", clinicId).setParameter("client", clientId).setParameter("type", type)
                .setMaxResults(1);
        if (lock) query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        return query.getResultStream().findFirst();
    }

    /** Erasure: the client's plans locked for update (after the client's row, before the bookings). */
    public List<PlanProjection> lockPlansOf(UUID clinicId, UUID clientId) {
        return em.createQuery("from PlanProjection where clinicId = :clinic and clientId = :client order by planId",
                        PlanProjection.class)
                .setParameter("clinic", clinicId).setParameter("client", clientId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Erasure: forget the client's plans in the clinic. */
    public void forgetPlans(UUID clinicId, UUID clientId) {
        em.createQuery("delete from PlanProjection where clinicId = :clinic and clientId = :client")
                .setParameter("clinic", clinicId).setParameter("client", clientId).executeUpdate();
    }
}
