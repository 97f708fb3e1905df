package io.stipple.gallery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A clinic as the gallery knows it: its public name (from SessionCompleted) and its gallery settings. */
@Entity
@Table(name = "clinic")
public class Clinic extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "name")
    public String name;

    /** Whether clients may upload their own progress photos through the client app. */
    @Column(name = "client_uploads_allowed", nullable = false)
    public boolean clientUploadsAllowed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Clinic newFor(UUID clinicId, Instant now) {
        Clinic clinic = new Clinic();
        clinic.clinicId = clinicId;
        clinic.updatedAt = now;
        return clinic;
    }
}
