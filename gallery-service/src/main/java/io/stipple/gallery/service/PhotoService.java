package io.stipple.gallery.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.CompletedSession;
import io.stipple.gallery.domain.Phase;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.Rendition;
import io.stipple.gallery.domain.WithdrawalReason;
import io.stipple.gallery.image.ImagePipeline;
import io.stipple.gallery.repository.AccessAuditRepository;
import io.stipple.gallery.repository.ClientProfileRepository;
import io.stipple.gallery.repository.ClinicRepository;
import io.stipple.gallery.repository.CompletedSessionRepository;
import io.stipple.gallery.repository.PhotoRepository;
import io.stipple.gallery.repository.PhotoSetRepository;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Photos: upload through the image pipeline, listing, deletion, and private access (authorised streaming and
 * signed links), every access audited. Queries are always scoped to the caller's clinic, and a client caller
 * sees only their own photos.
 */
@ApplicationScoped
public class PhotoService {

    private static final Logger LOG = Logger.getLogger(PhotoService.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What an upload says about the photo (the image bytes come separately). */
    public record UploadCommand(UUID clientId, UUID bookingId, Integer sessionNumber, Phase phase, Angle angle,
                                Instant takenAt) {
    }

    /** Bytes of one rendition, ready to stream. */
    public record PhotoContent(Photo photo, Rendition rendition, byte[] bytes) {
    }

    /** A signed link and when it stops working. */
    public record SignedLink(String url, Instant expiresAt) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    GalleryConfig config;

    @Inject
    ImageProcessor processor;

    @Inject
    ObjectStorage storage;

    @Inject
    AccessAudit audit;

    @Inject
    LinkSigner signer;

    @Inject
    SetService sets;

    @Inject
    KnownClients knownClients;

    @Inject
    PhotoRepository photoRows;

    @Inject
    PhotoSetRepository setRows;

    @Inject
    ClientProfileRepository profiles;

    @Inject
    CompletedSessionRepository sessionRows;

    @Inject
    ClinicRepository clinics;

    @Inject
    AccessAuditRepository auditRows;

    /**
     * Checks who may upload what, refuses exact duplicates, runs the pipeline outside any database transaction,
     * stores the renditions and records the photo. Objects stored for a photo that is then not recorded are removed.
     */
    public Photo upload(UploadCommand command, byte[] data) {
        UUID clinicId = caller.clinicId();
        String actor = caller.actor();
        if (command.takenAt().isAfter(Instant.now(clock).plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("takenAt", "must not be in the future");
        }
        if (data.length > processor.maxBytes()) {
            throw ImagePipeline.tooLarge(processor.maxBytes());
        }
        Integer sessionNumber = QuarkusTransaction.joiningExisting().call(() -> checkMayUpload(clinicId, command));
        String sha256 = ImagePipeline.sha256(data);
        QuarkusTransaction.joiningExisting().run(() -> refuseDuplicate(clinicId, command.clientId(), sha256));

        ImagePipeline.Result image = processor.process(data);

        Photo photo = new Photo();
        photo.id = UUID.randomUUID();
        photo.clinicId = clinicId;
        photo.clientId = command.clientId();
        photo.bookingId = command.bookingId();
        photo.sessionNumber = sessionNumber;
        photo.phase = command.phase();
        photo.angle = command.angle();
        photo.takenAt = command.takenAt();
        photo.uploadedAt = Instant.now(clock);
        photo.uploadedBy = actor;
        photo.sourceFormat = image.sourceFormat().name();
        photo.contentSha256 = sha256;
        photo.width = image.width();
        photo.height = image.height();
        photo.fullBytes = image.full().length;
        photo.fullKey = ObjectKeys.newImageKey(clinicId, command.clientId(), "full");
        photo.displayKey = ObjectKeys.newImageKey(clinicId, command.clientId(), "display");
        photo.thumbnailKey = ObjectKeys.newImageKey(clinicId, command.clientId(), "thumb");
        try {
            storage.put(photo.fullKey, image.full(), "image/jpeg");
            storage.put(photo.displayKey, image.display(), "image/jpeg");
            storage.put(photo.thumbnailKey, image.thumbnail(), "image/jpeg");
            return QuarkusTransaction.joiningExisting().call(() -> {
                // re-checked when recording, under a share lock on the profile: an erasure or a consent withdrawal
                // that committed while the image was processed refuses the photo (its objects are removed below)
                ClientProfile current = profiles.of(clinicId, command.clientId(), LockModeType.PESSIMISTIC_READ)
                        .filter(p -> !p.erased())
                        .orElseThrow(KnownClients::unknownClient);
                if (!current.mayUpload(config.upload().requireClinicalPhotosConsent())) {
                    throw noPhotoConsent();
                }
                photoRows.addNow(photo);
                return photo;
            });
        } catch (RuntimeException e) {
            photo.objectKeys().forEach(this::deleteQuietly);
            if (PhotoRepository.isUniqueViolation(e)) {
                throw duplicate(QuarkusTransaction.requiringNew().call(() ->
                        findByContent(clinicId, command.clientId(), sha256).map(p -> p.id).orElse(null)));
            }
            throw e;
        }
    }

    private Integer checkMayUpload(UUID clinicId, UploadCommand command) {
        if (caller.isClient()) {
            if (!command.clientId().equals(caller.clientId().orElse(null))) {
                throw ProblemException.forbidden("A client may upload only their own photos");
            }
            if (!clinics.of(clinicId).map(clinic -> clinic.clientUploadsAllowed).orElse(false)) {
                throw new ProblemException(403, "client-uploads-disabled", "Forbidden",
                        "This clinic does not accept photo uploads from clients");
            }
        }
        // the client must be one this clinic knows (422 unknown-client otherwise: random id, other clinic, erased)
        ClientProfile profile = knownClients.require(clinicId, command.clientId());
        boolean consentRequired = config.upload().requireClinicalPhotosConsent();
        if (!profile.mayUpload(consentRequired)) {
            throw noPhotoConsent();
        }
        Integer sessionNumber = command.sessionNumber();
        if (command.bookingId() != null) {
            CompletedSession session = sessionRows.of(clinicId, command.bookingId()).orElse(null);
            if (session != null) {
                if (!session.clientId.equals(command.clientId())) {
                    throw ProblemException.unprocessable("booking-mismatch",
                            "Booking " + command.bookingId() + " is not a session of this client");
                }
                if (sessionNumber == null) {
                    sessionNumber = session.sessionNumber;
                }
            }
        }
        return sessionNumber;
    }

    private static ProblemException noPhotoConsent() {
        return ProblemException.unprocessable("clinical-photos-consent-required",
                "The client has not given (or has withdrawn) consent to clinical photos");
    }

    private void refuseDuplicate(UUID clinicId, UUID clientId, String sha256) {
        findByContent(clinicId, clientId, sha256).ifPresent(existing -> {
            throw duplicate(existing.id);
        });
    }

    private Optional<Photo> findByContent(UUID clinicId, UUID clientId, String sha256) {
        return photoRows.byContent(clinicId, clientId, sha256);
    }

    private static ProblemException duplicate(UUID existingId) {
        ProblemException problem = ProblemException.conflict("duplicate-photo",
                "This exact image was already uploaded for the client");
        return existingId == null ? problem : problem.with("existingPhotoId", existingId.toString());
    }

    /** The photo if it exists in the caller's clinic and the caller may see its client. */
    @Transactional
    public Optional<Photo> find(UUID id) {
        return photoRows.inClinic(id, caller.clinicId())
                .filter(p -> caller.mayAccessClient(p.clientId));
    }

    @Transactional
    public Page<Photo> list(UUID clientId, Phase phase, Angle angle, PageQuery page) {
        UUID effectiveClient = clientId;
        if (caller.isClient()) {
            UUID own = caller.clientId().orElseThrow(() -> ProblemException.forbidden("the token names no client"));
            if (clientId != null && !clientId.equals(own)) {
                return Page.of(List.of(), page, 0);
            }
            effectiveClient = own;
        }
        return photoRows.search(caller.clinicId(), effectiveClient, phase, angle, page);
    }

    /**
     * Deletes a photo and its stored objects. Sets built from it are withdrawn (PhotoWithdrawn for a public one)
     * and removed. Staff only.
     */
    @Transactional
    public boolean delete(UUID id) {
        Optional<Photo> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        Photo photo = found.get();
        List<String> keys = new ArrayList<>(photo.objectKeys());
        for (PhotoSet set : setRows.withPhoto(photo.id)) {
            keys.addAll(sets.removeForDeletedPhoto(set, WithdrawalReason.MODERATOR));
        }
        photoRows.remove(photo);
        photoRows.flushChanges();
        keys.forEach(storage::delete);
        return true;
    }

    /** Streams a rendition to an authorised caller; audited. */
    @Transactional
    public Optional<PhotoContent> content(UUID id, Rendition rendition) {
        return find(id).map(photo -> {
            byte[] bytes = read(photo, rendition);
            audit.byCaller(AccessAuditEntry.Action.STREAMED, photo.clinicId, photo.clientId, photo.id, null, rendition);
            return new PhotoContent(photo, rendition, bytes);
        });
    }

    /** Issues a short-lived signed link to a rendition; the issuing is audited and names the link. */
    @Transactional
    public Optional<SignedLink> issueLink(UUID id, Rendition rendition, Duration ttl) {
        Duration lifetime = ttl == null ? config.links().defaultTtl() : ttl;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(config.links().maxTtl()) > 0) {
            throw ProblemException.invalidField("ttlSeconds",
                    "must be between 1 and " + config.links().maxTtl().toSeconds());
        }
        return find(id).map(photo -> {
            AccessAuditEntry issued = audit.byCaller(AccessAuditEntry.Action.LINK_ISSUED, photo.clinicId,
                    photo.clientId, photo.id, null, rendition);
            Instant expires = Instant.now(clock).plus(lifetime);
            long epoch = expires.getEpochSecond();
            String sig = signer.sign(photo.clinicId, photo.id, rendition, epoch, issued.id);
            String url = "/api/v1/gallery/files/" + photo.id + "?clinic=" + photo.clinicId
                    + "&rendition=" + rendition.name().toLowerCase()
                    + "&expires=" + epoch + "&link=" + issued.id + "&sig=" + sig;
            return new SignedLink(url, Instant.ofEpochSecond(epoch));
        });
    }

    /**
     * Serves a rendition through a signed link: the signature must match, the link must not have expired, and
     * the photo must still exist (a deleted photo or an erased client's photo makes every link to it dead).
     * The link carries no token, so it names the clinic it was signed for (covered by the signature): only after the
     * signature checks out does the work run as that clinic (Row-Level Security), in its own transaction.
     */
    public PhotoContent openLink(UUID clinicId, UUID photoId, Rendition rendition, long expires, UUID linkId,
                                 String signature) {
        if (!signer.verify(clinicId, photoId, rendition, expires, linkId, signature)) {
            throw new ProblemException(403, "link-invalid", "Forbidden", "The link's signature is not valid");
        }
        if (Instant.now(clock).getEpochSecond() > expires) {
            throw new ProblemException(403, "link-expired", "Forbidden", "The link has expired; ask for a new one");
        }
        return Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Photo photo = photoRows.inClinic(photoId, clinicId).orElse(null);
            AccessAuditEntry issued = auditRows.byId(linkId).orElse(null);
            if (photo == null || issued == null || !photoId.equals(issued.photoId)) {
                throw ProblemException.notFound("Photo " + photoId);
            }
            byte[] bytes = read(photo, rendition);
            audit.throughLink(issued, rendition);
            return new PhotoContent(photo, rendition, bytes);
        }));
    }

    @Transactional
    public Page<AccessAuditEntry> accessLog(UUID photoId, PageQuery page) {
        Page<AccessAuditEntry> entries = auditRows.ofPhoto(caller.clinicId(), photoId, page);
        // the log outlives an erased photo; a photo this clinic never had is simply not found
        if (entries.totalItems() == 0 && find(photoId).isEmpty()) {
            throw ProblemException.notFound("Photo " + photoId);
        }
        return entries;
    }

    byte[] read(Photo photo, Rendition rendition) {
        return storage.get(photo.keyOf(rendition)).orElseThrow(() -> {
            LOG.warnf("object %s of photo %s is missing from storage", photo.keyOf(rendition), photo.id);
            return ProblemException.notFound("Image of photo " + photo.id);
        });
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not remove orphaned object %s", key);
        }
    }
}
