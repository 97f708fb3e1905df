package io.stipple.gallery.service;

import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.WithdrawalReason;
import io.stipple.gallery.messaging.ClientEventsReceived;
import io.stipple.gallery.repository.AccessAuditRepository;
import io.stipple.gallery.repository.ClientProfileRepository;
import io.stipple.gallery.repository.CompletedSessionRepository;
import io.stipple.gallery.repository.PhotoRepository;
import io.stipple.gallery.repository.PhotoSetRepository;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.erasure.ClientErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * ClientErased: public sets are withdrawn (PhotoWithdrawn, CLIENT_ERASED), then every set, photo row and stored
 * object of the client is deleted, the access log keeps its entries without the client id, and the profile becomes a
 * tombstone so a late event cannot bring the client back. An upload racing with the erasure is serialised on the
 * profile row (see {@code PhotoService#upload}). Storage is cleaned inside the transaction: if it fails,
 * the event is retried (deleting is idempotent) and finally dead-lettered for an operator, never half done silently.
 */
@ApplicationScoped
@Transactional
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    @Inject
    Clock clock;

    @Inject
    ObjectStorage storage;

    @Inject
    SetService sets;

    @Inject
    ClientErasure platformErasure;

    @Inject
    ClientProfileRepository profiles;

    @Inject
    PhotoSetRepository setRows;

    @Inject
    PhotoRepository photoRows;

    @Inject
    CompletedSessionRepository sessionRows;

    @Inject
    AccessAuditRepository auditRows;

    public void erase(UUID clinicId, ClientEventsReceived.ClientErased erased) {
        UUID clientId = erased.clientId();
        Instant now = Instant.now(clock);
        // the profile row first, locked: an upload re-checks it (FOR SHARE) when it records its photo, so it either
        // commits before this erasure (and its photo is found below) or after it (and sees the tombstone)
        ClientProfile profile = profiles.ensure(clinicId, clientId, now);
        profiles.lockRow(profile, LockModeType.PESSIMISTIC_WRITE);
        List<String> keys = new ArrayList<>();
        for (PhotoSet set : setRows.ofClient(clinicId, clientId)) {
            keys.addAll(sets.removeForDeletedPhoto(set, WithdrawalReason.CLIENT_ERASED));
        }
        setRows.flushChanges();
        List<Photo> photos = photoRows.ofClient(clinicId, clientId);
        for (Photo photo : photos) {
            keys.addAll(photo.objectKeys());
            photoRows.remove(photo);
        }
        auditRows.forgetClient(clinicId, clientId);
        sessionRows.removeOfClient(clinicId, clientId);
        profile.erase(erased.erasedAt(), now);
        setRows.flushChanges();

        // the platform's stores: sent outbox rows about the client, kept Idempotency-Key responses naming it
        platformErasure.forgetClient(clinicId, clientId);

        int deleted = storage.deletePrefix(ObjectKeys.clientPrefix(clinicId, clientId));
        keys.forEach(storage::delete); // already gone with the prefix; kept so a key outside it could never survive
        LOG.infof("client %s erased: %d photos, %d stored objects deleted", clientId, photos.size(), deleted);
    }
}
