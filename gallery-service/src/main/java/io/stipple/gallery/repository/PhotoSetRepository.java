package io.stipple.gallery.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Condition;
import io.stipple.gallery.domain.HairLossScale;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.SetStatus;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Before/after sets, including the public gallery's reads. */
@ApplicationScoped
public class PhotoSetRepository implements PanacheRepositoryBase<PhotoSet, UUID> {

    /** A published set whose client consents now: the only rows the public gallery ever reads. */
    static final String PUBLIC_SETS = "from PhotoSet s where s.status = :status and exists ("
            + "select 1 from ClientProfile p where p.clinicId = s.clinicId and p.clientId = s.clientId"
            + " and p.publicGalleryConsent = true and p.clinicalPhotosConsent = true and p.erasedAt is null)";

    /** The set if the clinic has it. */
    public Optional<PhotoSet> inClinic(UUID id, UUID clinicId) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    /** The set (not withdrawn) these two photos already form, if any. */
    public Optional<PhotoSet> activePair(UUID beforePhotoId, UUID afterPhotoId) {
        return Optional.ofNullable(find("beforePhotoId = ?1 and afterPhotoId = ?2 and status <> ?3",
                beforePhotoId, afterPhotoId, SetStatus.WITHDRAWN).firstResult());
    }

    /** The client's sets in the clinic that are not withdrawn. */
    public List<PhotoSet> activeOfClient(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2 and status <> ?3", clinicId, clientId, SetStatus.WITHDRAWN);
    }

    /** The client's sets in the clinic in one of these states. */
    public List<PhotoSet> ofClientIn(UUID clinicId, UUID clientId, Collection<SetStatus> statuses) {
        return list("clinicId = ?1 and clientId = ?2 and status in ?3", clinicId, clientId, statuses);
    }

    /** Every set of the client in the clinic. */
    public List<PhotoSet> ofClient(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2", clinicId, clientId);
    }

    /** Every set of the client in the clinic, oldest first. */
    public List<PhotoSet> ofClientInOrder(UUID clinicId, UUID clientId) {
        return list("clinicId = ?1 and clientId = ?2 order by createdAt, id", clinicId, clientId);
    }

    /** The sets a photo is part of (before or after). */
    public List<PhotoSet> withPhoto(UUID photoId) {
        return list("beforePhotoId = ?1 or afterPhotoId = ?1", photoId);
    }

    /** A page of the clinic's sets, oldest first; a null filter means "any". */
    public Page<PhotoSet> search(UUID clinicId, UUID clientId, SetStatus status, PageQuery page) {
        StringBuilder query = new StringBuilder("clinicId = :clinic");
        Map<String, Object> params = new HashMap<>();
        params.put("clinic", clinicId);
        if (clientId != null) {
            query.append(" and clientId = :client");
            params.put("client", clientId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        PanacheQuery<PhotoSet> q = find(query.toString(), Sort.by("createdAt").and("id"), params);
        return Page.of(q.page(page.page, page.size).list(), page, q.count());
    }

    /**
     * A page of the public gallery, newest published first: published sets whose client consents now, of every
     * clinic the caller's cross-clinic binding lets through; a null filter means "any".
     */
    public Page<PhotoSet> publicSets(TreatmentType treatmentType, Condition condition, HairLossScale scale,
                                     String stage, Integer skinType, UUID clinicId, Angle angle, PageQuery page) {
        StringBuilder query = new StringBuilder(PUBLIC_SETS);
        Map<String, Object> params = new HashMap<>();
        params.put("status", SetStatus.PUBLISHED);
        if (treatmentType != null) {
            query.append(" and s.treatmentType = :treatmentType");
            params.put("treatmentType", treatmentType);
        }
        if (condition != null) {
            query.append(" and s.condition = :condition");
            params.put("condition", condition.name());
        }
        if (scale != null) {
            query.append(" and s.scale = :scale");
            params.put("scale", scale.name());
        }
        if (stage != null) {
            query.append(" and s.stage = :stage");
            params.put("stage", stage);
        }
        if (skinType != null) {
            query.append(" and s.fitzpatrickType = :skinType");
            params.put("skinType", skinType);
        }
        if (clinicId != null) {
            query.append(" and s.clinicId = :clinicId");
            params.put("clinicId", clinicId);
        }
        if (angle != null) {
            query.append(" and s.angle = :angle");
            params.put("angle", angle);
        }
        PanacheQuery<PhotoSet> q = find(query.toString(), params);
        long total = q.count();
        List<PhotoSet> items = find(query + " order by s.publishedAt desc, s.id", params)
                .page(page.page, page.size).list();
        return Page.of(items, page, total);
    }

    /** One set of the public gallery: published, its client consenting now. */
    public Optional<PhotoSet> publicSet(UUID id) {
        return find(PUBLIC_SETS + " and s.id = :id", Map.of("status", SetStatus.PUBLISHED, "id", id))
                .firstResultOptional();
    }

    /** Records a new set and writes it at once. */
    public void addNow(PhotoSet set) {
        persist(set);
        flush();
    }

    public void remove(PhotoSet set) {
        delete(set);
    }

    /**
     * Names the set's cached composite without touching its version (viewing the composite never invalidates an
     * ETag).
     */
    public void setCompositeKey(UUID setId, String key) {
        getEntityManager()
                .createNativeQuery("update photo_set set composite_key = :key where id = :id")
                .setParameter("key", key)
                .setParameter("id", setId)
                .executeUpdate();
    }

    /** Writes pending changes now (so the version of a changed set is current). */
    public void flushChanges() {
        flush();
    }
}
