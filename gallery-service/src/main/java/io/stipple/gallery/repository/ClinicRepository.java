package io.stipple.gallery.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.stipple.gallery.domain.Clinic;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** The clinics as the gallery knows them (public name, gallery settings). */
@ApplicationScoped
public class ClinicRepository implements PanacheRepositoryBase<Clinic, UUID> {

    /** The clinic's row, if it was ever written (a name seen or a setting changed). */
    public Optional<Clinic> of(UUID clinicId) {
        return findByIdOptional(clinicId);
    }

    public void add(Clinic clinic) {
        persist(clinic);
    }

    /** Writes pending changes now (so the version of a changed clinic is current). */
    public void flushChanges() {
        flush();
    }
}
