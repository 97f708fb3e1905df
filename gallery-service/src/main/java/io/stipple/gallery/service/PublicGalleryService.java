package io.stipple.gallery.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Condition;
import io.stipple.gallery.domain.HairLossScale;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.domain.SetStatus;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The public gallery: published sets only, whoever asks; nothing here identifies a client. */
@ApplicationScoped
@Transactional
public class PublicGalleryService {

    /** The filters of the public list; null means "any". */
    public record Filter(TreatmentType treatmentType, Condition condition, HairLossScale scale, String stage,
                         Integer skinType, UUID clinicId, Angle angle) {
    }

    /** Which image of a public set. */
    public enum Slot { BEFORE, AFTER, COMPOSITE }

    @Inject
    ObjectStorage storage;

    @Inject
    SetService sets;

    public Page<PhotoSet> list(Filter filter, PageQuery page) {
        StringBuilder query = new StringBuilder("status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", SetStatus.PUBLISHED);
        if (filter.treatmentType() != null) {
            query.append(" and treatmentType = :treatmentType");
            params.put("treatmentType", filter.treatmentType());
        }
        if (filter.condition() != null) {
            query.append(" and condition = :condition");
            params.put("condition", filter.condition().name());
        }
        if (filter.scale() != null) {
            query.append(" and scale = :scale");
            params.put("scale", filter.scale().name());
        }
        if (filter.stage() != null) {
            query.append(" and stage = :stage");
            params.put("stage", filter.stage());
        }
        if (filter.skinType() != null) {
            query.append(" and fitzpatrickType = :skinType");
            params.put("skinType", filter.skinType());
        }
        if (filter.clinicId() != null) {
            query.append(" and clinicId = :clinicId");
            params.put("clinicId", filter.clinicId());
        }
        if (filter.angle() != null) {
            query.append(" and angle = :angle");
            params.put("angle", filter.angle());
        }
        PanacheQuery<PhotoSet> q = PhotoSet.find(query.toString(), Sort.descending("publishedAt").and("id"), params);
        return Page.of(q.page(page.page, page.size).list(), page, q.count());
    }

    public Optional<PhotoSet> find(UUID id) {
        return PhotoSet.<PhotoSet>findByIdOptional(id).filter(PhotoSet::isPublished);
    }

    /** An image of a published set: the display renditions or the composite. Empty once the set is not public. */
    public Optional<byte[]> image(UUID setId, Slot slot) {
        return find(setId).flatMap(set -> switch (slot) {
            case BEFORE -> display(set.beforePhotoId);
            case AFTER -> display(set.afterPhotoId);
            case COMPOSITE -> Optional.of(sets.composite(set));
        });
    }

    private Optional<byte[]> display(UUID photoId) {
        return Photo.<Photo>findByIdOptional(photoId).flatMap(p -> storage.get(p.keyOf(Rendition.DISPLAY)));
    }
}
