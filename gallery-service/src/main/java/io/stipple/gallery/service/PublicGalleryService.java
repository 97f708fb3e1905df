package io.stipple.gallery.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.Condition;
import io.stipple.gallery.domain.HairLossScale;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.repository.PhotoRepository;
import io.stipple.gallery.repository.PhotoSetRepository;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    @Inject
    PhotoSetRepository setRows;

    @Inject
    PhotoRepository photoRows;

    public Page<PhotoSet> list(Filter filter, PageQuery page) {
        return publicly(() -> setRows.publicSets(filter.treatmentType(), filter.condition(), filter.scale(),
                filter.stage(), filter.skinType(), filter.clinicId(), filter.angle(), page));
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

    private Optional<PhotoSet> publicSet(UUID id) {
        return setRows.publicSet(id);
    }

    private Optional<byte[]> display(UUID clinicId, UUID photoId) {
        return photoRows.inClinic(photoId, clinicId)
                .flatMap(p -> storage.get(p.keyOf(Rendition.DISPLAY)));
    }

    /** The public gallery's one way into the database: across clinics, named, bound before the transaction starts. */
    private static <T> T publicly(Supplier<T> work) {
        return Tenancy.acrossClinics(PURPOSE, () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
