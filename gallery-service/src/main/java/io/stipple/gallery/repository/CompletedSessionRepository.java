package io.stipple.gallery.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.stipple.gallery.domain.CompletedSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sessions booking-service reported completed (keyed by clinic and booking). */
@ApplicationScoped
public class CompletedSessionRepository implements PanacheRepositoryBase<CompletedSession, CompletedSession.Key> {

    /** The clinic's record of the session at that booking, if booking-service reported it completed. */
    public Optional<CompletedSession> of(UUID clinicId, UUID bookingId) {
        return findByIdOptional(new CompletedSession.Key(clinicId, bookingId));
    }

    /** Records a new session (the insert takes the entity's state now). */
    public void add(CompletedSession session) {
        persist(session);
    }

    /** The client's sessions in the clinic, in the order they were completed. */
    public List<CompletedSession> ofClientInOrder(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2 order by completedAt, bookingId", clinicId, clientId);
    }

    /** Deletes the client's sessions in the clinic (erasure). */
    public void removeOfClient(UUID clinicId, UUID clientId) {
        delete("clinicId = ?1 and clientId = ?2", clinicId, clientId);
    }
}
