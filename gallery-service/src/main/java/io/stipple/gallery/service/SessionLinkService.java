package io.stipple.gallery.service;

import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.Clinic;
import io.stipple.gallery.domain.CompletedSession;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.messaging.BookingEventsReceived;
import io.stipple.gallery.repository.ClientProfileRepository;
import io.stipple.gallery.repository.ClinicRepository;
import io.stipple.gallery.repository.CompletedSessionRepository;
import io.stipple.gallery.repository.PhotoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * SessionCompleted: remembers the session so photos uploaded for its booking get its number, numbers photos
 * already uploaded for it, keeps the clinic's public name and the client's treatment type.
 */
@ApplicationScoped
@Transactional
public class SessionLinkService {

    @Inject
    Clock clock;

    @Inject
    ClientProfileRepository profiles;

    @Inject
    CompletedSessionRepository sessions;

    @Inject
    ClinicRepository clinics;

    @Inject
    PhotoRepository photos;

    public void sessionCompleted(UUID clinicId, BookingEventsReceived.SessionCompleted event) {
        Instant now = Instant.now(clock);
        ClientProfile profile = profiles.of(clinicId, event.clientId()).orElse(null);
        if (profile != null && profile.erased()) {
            return;
        }
        CompletedSession session = sessions.of(clinicId, event.bookingId()).orElse(null);
        boolean known = session != null;
        if (!known) {
            session = new CompletedSession();
            session.clinicId = clinicId;
            session.bookingId = event.bookingId();
        }
        session.clientId = event.clientId();
        session.planId = event.planId();
        session.sessionNumber = event.sessionNumber();
        session.treatmentType = ClientProjection.parse(TreatmentType.class, event.treatmentType()).orElse(null);
        session.completedAt = event.completedAt();
        if (!known) {
            sessions.add(session); // only now: the insert takes the entity's state at persist time
        }

        if (event.clinicName() != null && !event.clinicName().isBlank()) {
            Clinic clinic = clinics.of(clinicId).orElse(null);
            if (clinic == null) {
                clinic = Clinic.newFor(clinicId, now);
                clinics.add(clinic);
            }
            if (!event.clinicName().equals(clinic.name)) {
                clinic.name = event.clinicName();
                clinic.updatedAt = now;
            }
        }
        if (profile == null) {
            profile = profiles.ensure(clinicId, event.clientId(), now);
        }
        profile.applyTreatment(session.treatmentType, event.completedAt(), now);
        if (event.sessionNumber() != null) {
            for (Photo photo : photos.atBooking(clinicId, event.bookingId(), event.clientId())) {
                photo.linkSession(event.sessionNumber());
            }
        }
    }
}
