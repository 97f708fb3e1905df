package io.stipple.gallery.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Phase;
import io.stipple.gallery.domain.Photo;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Photos (their metadata and object names; the images themselves are in object storage). */
@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<Photo, UUID> {

    /** The photo if the clinic has it. */
    public Optional<Photo> inClinic(UUID id, UUID clinicId) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    /** A photo by id, or null (a photo a set of the same clinic refers to). */
    public Photo byId(UUID id) {
        return findById(id);
    }

    /** The client's photo with exactly these uploaded bytes (by their SHA-256), if any. */
    public Optional<Photo> byContent(UUID clinicId, UUID clientId, String sha256) {
        return find("clinicId = ?1 and clientId = ?2 and contentSha256 = ?3", clinicId, clientId, sha256)
                .firstResultOptional();
    }

    /** A page of the clinic's photos, oldest taken first; a null filter means "any". */
    public Page<Photo> search(UUID clinicId, UUID clientId, Phase phase, Angle angle, PageQuery page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic");
        Map<String, Object> params = new HashMap<>();
        params.put("clinic", clinicId);
        if (clientId != null) {
            query.append(" and clientId = :client");
            params.put("client", clientId);
        }
        if (phase != null) {
            query.append(" and phase = :phase");
            params.put("phase", phase);
        }
        if (angle != null) {
            query.append(" and angle = :angle");
            params.put("angle", angle);
        }
        PanacheQuery<Photo> q = find(query.toString(), Sort.by("takenAt").and("id"), params);
        return Page.of(q.page(page.page, page.size).list(), page, q.count());
    }

    /** Every photo of the client in the clinic. */
    public List<Photo> ofClient(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2", clinicId, clientId);
    }

    /** Every photo of the client in the clinic, oldest taken first. */
    public List<Photo> ofClientInOrder(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2 order by takenAt, id", clinicId, clientId);
    }

    /** The client's photos uploaded for a booking of the clinic. */
    public List<Photo> atBooking(UUID clinicId, UUID bookingId, UUID clientId) {
        return list("clinicId = ?1 and bookingId = ?2 and clientId = ?3", clinicId, bookingId, clientId);
    }

    /** Records a new photo and writes it at once (a duplicate upload fails here, see {@link #isUniqueViolation}). */
    public void addNow(Photo photo) {
        persist(photo);
        flush();
    }

    public void remove(Photo photo) {
        delete(photo);
    }

    /** Writes pending changes now. */
    public void flushChanges() {
        flush();
    }

    /** Whether the failure is PostgreSQL's unique violation (23505), e.g. the same image recorded twice at once. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
