package io.stipple.gallery.service;

import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.domain.SetStatus;
import io.stipple.gallery.domain.WithdrawalReason;
import io.stipple.gallery.image.CompositeRenderer;
import io.stipple.gallery.messaging.GalleryEventPublisher;
import io.stipple.gallery.repository.ClientProfileRepository;
import io.stipple.gallery.repository.ClinicRepository;
import io.stipple.gallery.repository.PhotoRepository;
import io.stipple.gallery.repository.PhotoSetRepository;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Before/after sets: pairing, moderation, publishing (consent-gated), withdrawal and the composite image. */
@ApplicationScoped
@Transactional
public class SetService {

    private static final Logger LOG = Logger.getLogger(SetService.class);

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    GalleryConfig config;

    @Inject
    ObjectStorage storage;

    @Inject
    GalleryEventPublisher events;

    @Inject
    AccessAudit audit;

    @Inject
    KnownClients knownClients;

    @Inject
    PhotoSetRepository setRows;

    @Inject
    PhotoRepository photoRows;

    @Inject
    ClientProfileRepository profiles;

    @Inject
    ClinicRepository clinics;

    /** Pairs a BEFORE photo with an AFTER/HEALED photo of the same client and angle into a draft. */
    public PhotoSet create(UUID beforePhotoId, UUID afterPhotoId) {
        UUID clinicId = caller.clinicId();
        Photo before = photoInClinic(beforePhotoId, clinicId, "beforePhotoId");
        Photo after = photoInClinic(afterPhotoId, clinicId, "afterPhotoId");
        knownClients.require(clinicId, before.clientId);
        PhotoSet existing = setRows.activePair(before.id, after.id).orElse(null);
        if (existing != null) {
            throw ProblemException.conflict("set-exists", "These photos already form set " + existing.id)
                    .with("existingSetId", existing.id.toString());
        }
        PhotoSet set = PhotoSet.pair(before, after, caller.actor(), Instant.now(clock));
        setRows.addNow(set);
        return set;
    }

    private Photo photoInClinic(UUID id, UUID clinicId, String field) {
        return photoRows.inClinic(id, clinicId)
                .orElseThrow(() -> ProblemException.unprocessable("photo-not-found",
                        field + ": no such photo in this clinic").with("field", field));
    }

    /** Suggested pairings of a client's photos, leaving out pairs that already form a set (not withdrawn). */
    public List<PhotoSet.Pairing> suggestions(UUID clientId) {
        if (profiles.of(caller.clinicId(), clientId).filter(p -> !p.erased()).isEmpty()) {
            throw ProblemException.notFound("Client " + clientId);
        }
        List<Photo> photos = photoRows.ofClient(caller.clinicId(), clientId);
        List<PhotoSet> existing = setRows.activeOfClient(caller.clinicId(), clientId);
        return PhotoSet.suggestPairings(photos).stream()
                .filter(p -> existing.stream().noneMatch(s -> s.beforePhotoId.equals(p.before().id)
                        && s.afterPhotoId.equals(p.after().id)))
                .toList();
    }

    public Optional<PhotoSet> find(UUID id) {
        return setRows.inClinic(id, caller.clinicId())
                .filter(s -> caller.mayAccessClient(s.clientId));
    }

    public Page<PhotoSet> list(UUID clientId, SetStatus status, PageQuery page) {
        UUID effectiveClient = clientId;
        if (caller.isClient()) {
            UUID own = caller.clientId().orElseThrow(() -> ProblemException.forbidden("the token names no client"));
            if (clientId != null && !clientId.equals(own)) {
                return Page.of(List.of(), page, 0);
            }
            effectiveClient = own;
        }
        return setRows.search(caller.clinicId(), effectiveClient, status, page);
    }

    public Optional<PhotoSet> submit(UUID id, long expectedVersion) {
        return find(id).map(set -> {
            ETags.checkCurrent(expectedVersion, set.version);
            set.submit(Instant.now(clock));
            return flushed(set);
        });
    }

    /** Publishes a submitted set if the client's consent allows it right now; PhotoPublished goes to the outbox. */
    public Optional<PhotoSet> publish(UUID id, long expectedVersion) {
        return find(id).map(set -> {
            ETags.checkCurrent(expectedVersion, set.version);
            ClientProfile profile = profiles.of(set.clinicId, set.clientId).orElse(null);
            String clinicName = clinics.of(set.clinicId).map(clinic -> clinic.name).orElse(null);
            set.publish(profile, caller.actor(), clinicName, Instant.now(clock));
            events.published(set);
            return flushed(set);
        });
    }

    public Optional<PhotoSet> reject(UUID id, long expectedVersion, String note) {
        return find(id).map(set -> {
            ETags.checkCurrent(expectedVersion, set.version);
            set.reject(note);
            return flushed(set);
        });
    }

    /** A moderator withdraws a set; if it was public, PhotoWithdrawn (MODERATOR) goes to the outbox. */
    public Optional<PhotoSet> withdraw(UUID id, long expectedVersion) {
        return find(id).map(set -> {
            ETags.checkCurrent(expectedVersion, set.version);
            if (set.status == SetStatus.WITHDRAWN) {
                throw ProblemException.conflict("invalid-set-transition", "The set is already withdrawn")
                        .with("status", set.status.name());
            }
            if (set.withdraw(WithdrawalReason.MODERATOR, Instant.now(clock))) {
                events.withdrawn(set);
            }
            return flushed(set);
        });
    }

    /**
     * A client's consent was withdrawn: every published or submitted set of theirs is withdrawn at once
     * (PhotoWithdrawn for each public one); drafts stay private drafts and cannot be published without consent.
     */
    public int withdrawForConsent(UUID clinicId, UUID clientId) {
        Instant now = Instant.now(clock);
        int withdrawn = 0;
        for (PhotoSet set : setRows.ofClientIn(clinicId, clientId, List.of(SetStatus.PUBLISHED, SetStatus.SUBMITTED))) {
            if (set.withdraw(WithdrawalReason.CONSENT_WITHDRAWN, now)) {
                events.withdrawn(set);
            }
            withdrawn++;
        }
        return withdrawn;
    }

    /**
     * Removes a set whose photo is being deleted (or whose client is erased): withdrawn first so a public one
     * announces PhotoWithdrawn. Returns the object names to delete once the rows are gone.
     */
    public List<String> removeForDeletedPhoto(PhotoSet set, WithdrawalReason reason) {
        if (set.withdraw(reason, Instant.now(clock))) {
            events.withdrawn(set);
        }
        List<String> keys = new ArrayList<>();
        if (set.compositeKey != null) {
            keys.add(set.compositeKey);
        }
        setRows.remove(set);
        return keys;
    }

    /** The composite of a set the caller may see; audited like any private image. */
    public Optional<byte[]> privateComposite(UUID id) {
        return find(id).map(set -> {
            byte[] bytes = composite(set);
            audit.byCaller(AccessAuditEntry.Action.COMPOSITE_STREAMED, set.clinicId, set.clientId, null, set.id, null);
            return bytes;
        });
    }

    /**
     * The side-by-side image, rendered from the display renditions on first request and cached in storage
     * (the set's version is not touched, so viewing it never invalidates an ETag).
     */
    public byte[] composite(PhotoSet set) {
        if (set.compositeKey != null) {
            Optional<byte[]> cached = storage.get(set.compositeKey);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Photo before = photoRows.byId(set.beforePhotoId);
        Photo after = photoRows.byId(set.afterPhotoId);
        byte[] beforeBytes = storage.get(before.keyOf(Rendition.DISPLAY)).orElseThrow(() -> missing(set));
        byte[] afterBytes = storage.get(after.keyOf(Rendition.DISPLAY)).orElseThrow(() -> missing(set));
        byte[] composite = CompositeRenderer.render(beforeBytes, afterBytes, "BEFORE", set.afterPhase.name(),
                config.images().compositeHeight(), config.images().displayQuality());
        String key = ObjectKeys.newImageKey(set.clinicId, set.clientId, "composite");
        storage.put(key, composite, "image/jpeg");
        setRows.setCompositeKey(set.id, key);
        if (set.compositeKey != null) {
            storage.delete(set.compositeKey);
        }
        return composite;
    }

    private static ProblemException missing(PhotoSet set) {
        LOG.warnf("an image of set %s is missing from storage", set.id);
        return ProblemException.notFound("Composite of set " + set.id);
    }

    private PhotoSet flushed(PhotoSet set) {
        setRows.flushChanges();
        return set;
    }
}
