package io.stipple.gallery.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Condition;
import io.stipple.gallery.domain.HairLossScale;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.domain.SetStatus;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The public gallery: published sets only, whoever asks; nothing here identifies a client.
 *
 * <p>It has no token and so no clinic, and it lists sets of every clinic: each public method runs on the one named
 * cross-clinic path ({@link Tenancy#acrossClinics} "public gallery"), in its own transaction, and every query it
 * makes admits only sets that are PUBLISHED and whose client, in that clinic, still holds both photo consents and is
 * not erased (the consent is checked again at read time, not only when the set was published).
 */
@ApplicationScoped
public class PublicGalleryService {

    /** The purpose named on the database session for the public gallery's cross-clinic reads. */
    public static final String PURPOSE = "public gallery";

    /** A published set whose client consents now: the only rows the public gallery ever reads. */
    static final String PUBLIC_SETS = "from PhotoSet s where s.status = :status and exists ("
            + "select 1 from ClientProfile p where p.clinicId = s.clinicId and p.clientId = s.clientId"
            + " and p.publicGalleryConsent = true and p.clinicalPhotosConsent = true and p.erasedAt is null)";

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
        return publicly(() -> {
            StringBuilder query = new StringBuilder(PUBLIC_SETS);
            Map<String, Object> params = new HashMap<>();
            params.put("status", SetStatus.PUBLISHED);
            if (filter.treatmentType() != null) {
                query.append(" and s.treatmentType = :treatmentType");
                params.put("treatmentType", filter.treatmentType());
            }
            if (filter.condition() != null) {
                query.append(" and s.condition = :condition");
                params.put("condition", filter.condition().name());
            }
            if (filter.scale() != null) {
                query.append(" and s.scale = :scale");
                params.put("scale", filter.scale().name());
            }
            if (filter.stage() != null) {
                query.append(" and s.stage = :stage");
                params.put("stage", filter.stage());
            }
            if (filter.skinType() != null) {
                query.append(" and s.fitzpatrickType = :skinType");
                params.put("skinType", filter.skinType());
            }
            if (filter.clinicId() != null) {
                query.append(" and s.clinicId = :clinicId");
                params.put("clinicId", filter.clinicId());
            }
            if (filter.angle() != null) {
                query.append(" and s.angle = :angle");
                params.put("angle", filter.angle());
            }
            PanacheQuery<PhotoSet> q = PhotoSet.find(query.toString(), params);
            long total = q.count();
            List<PhotoSet> items = PhotoSet.<PhotoSet>find(query + " order by s.publishedAt desc, s.id", params)
                    .page(page.page, page.size).list();
            return Page.of(items, page, total);
        });
    }

    public Optional<PhotoSet> find(UUID id) {
        return publicly(() -> publicSet(id));
    }

    /** An image of a published set: the display renditions or the composite. Empty once the set is not public. */
    public Optional<byte[]> image(UUID setId, Slot slot) {
        return publicly(() -> publicSet(setId).flatMap(set -> switch (slot) {
            case BEFORE -> display(set.clinicId, set.beforePhotoId);
            case AFTER -> display(set.clinicId, set.afterPhotoId);
            case COMPOSITE -> Optional.of(sets.composite(set));
        }));
    }

    private static Optional<PhotoSet> publicSet(UUID id) {
        return PhotoSet.<PhotoSet>find(PUBLIC_SETS + " and s.id = :id",
                Map.of("status", SetStatus.PUBLISHED, "id", id)).firstResultOptional();
    }

    private Optional<byte[]> display(UUID clinicId, UUID photoId) {
        return Photo.<Photo>find("id = ?1 and clinicId = ?2", photoId, clinicId).firstResultOptional()
                .flatMap(p -> storage.get(p.keyOf(Rendition.DISPLAY)));
    }

    /** The public gallery's one way into the database: across clinics, named, bound before the transaction starts. */
    private static <T> T publicly(Supplier<T> work) {
        return Tenancy.acrossClinics(PURPOSE, () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
