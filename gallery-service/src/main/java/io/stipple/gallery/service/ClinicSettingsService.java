package io.stipple.gallery.service;

import io.stipple.gallery.domain.Clinic;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** The caller's clinic's gallery settings (whether clients may upload their own photos). */
@ApplicationScoped
@Transactional
public class ClinicSettingsService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The settings, defaults (version 0) when the clinic never changed them. */
    public Clinic get() {
        Clinic clinic = Clinic.findById(caller.clinicId());
        return clinic != null ? clinic : Clinic.newFor(caller.clinicId(), Instant.now(clock));
    }

    public Clinic update(long expectedVersion, boolean clientUploadsAllowed) {
        Clinic clinic = Clinic.findById(caller.clinicId());
        if (clinic == null) {
            ETags.checkCurrent(expectedVersion, 0);
            clinic = Clinic.newFor(caller.clinicId(), Instant.now(clock));
            clinic.clientUploadsAllowed = clientUploadsAllowed;
            clinic.persist();
        } else {
            ETags.checkCurrent(expectedVersion, clinic.version);
            clinic.clientUploadsAllowed = clientUploadsAllowed;
            clinic.updatedAt = Instant.now(clock);
        }
        Clinic.getEntityManager().flush();
        return clinic;
    }
}
