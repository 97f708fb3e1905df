package io.stipple.notification.repository;

import io.stipple.notification.domain.Booking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The booking projection ({@code booking}), inside the caller's transaction. */
@ApplicationScoped
public class BookingRepository {

    @Inject
    EntityManager em;

    public Optional<Booking> find(UUID bookingId) {
        return Booking.findByIdOptional(bookingId);
    }

    public void add(Booking booking) {
        booking.persist();
    }

    /** Another booking of the client's plan is confirmed for a time after {@code after}. */
    public boolean laterSessionConfirmed(UUID clinicId, UUID clientId, UUID planId, UUID bookingId, Instant after) {
        Long count = em.createQuery("""
                        select count(b) from Booking b where b.clinicId = :clinic and b.clientId = :client and b.planId = :plan
                        and b.status = 'CONFIRMED' and b.bookingId <> :booking and b.startsAt > :after""", Long.class)
                .setParameter("clinic", clinicId)
                .setParameter("client", clientId)
                .setParameter("plan", planId)
                .setParameter("booking", bookingId)
                .setParameter("after", after)
                .getSingleResult();
        return count > 0;
    }

    /** Every booking of the client in the clinic (export), in time order. */
    public List<Booking> ofClient(UUID clinicId, UUID clientId) {
        return Booking.list("clinicId = ?1 and clientId = ?2 order by startsAt, bookingId", clinicId, clientId);
    }

    /** Erasure: the clinic's bookings of the client go. */
    public void deleteClient(UUID clinicId, UUID clientId) {
        em.createNativeQuery("delete from booking where clinic_id = :clinic and client_id = :id")
                .setParameter("clinic", clinicId).setParameter("id", clientId).executeUpdate();
    }
}
