package io.stipple.gallery.service;

import io.stipple.gallery.domain.Clinic;
import io.stipple.gallery.repository.ClinicRepository;
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

    @Inject
    ClinicRepository clinics;

    /** The settings, defaults (version 0) when the clinic never changed them. */
    public Clinic get() {
        return clinics.of(caller.clinicId()).orElseGet(() -> Clinic.newFor(caller.clinicId(), Instant.now(clock)));
    }

    public Clinic update(long expectedVersion, boolean clientUploadsAllowed) {
        Clinic clinic = clinics.of(caller.clinicId()).orElse(null);
        if (clinic == null) {
            ETags.checkCurrent(expectedVersion, 0);
            clinic = Clinic.newFor(caller.clinicId(), Instant.now(clock));
            clinic.clientUploadsAllowed = clientUploadsAllowed;
            clinics.add(clinic);
        } else {
            ETags.checkCurrent(expectedVersion, clinic.version);
            clinic.clientUploadsAllowed = clientUploadsAllowed;
            clinic.updatedAt = Instant.now(clock);
        }
        clinics.flushChanges();
        return clinic;
    }
}
