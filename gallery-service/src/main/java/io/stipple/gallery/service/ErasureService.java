package io.stipple.gallery.service;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.ClientProfile;
import io.stipple.gallery.domain.CompletedSession;
import io.stipple.gallery.domain.Photo;
import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.domain.WithdrawalReason;
import io.stipple.gallery.messaging.ClientEvents;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * ClientErased: public sets are withdrawn (PhotoWithdrawn, CLIENT_ERASED), then every set, photo row and stored
 * object of the client is deleted, the access log keeps its entries without the client id, and the profile becomes a
 * tombstone so a late event cannot bring the client back. Storage is cleaned inside the transaction: if it fails,
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

    public void erase(UUID clinicId, ClientEvents.ClientErased erased) {
        UUID clientId = erased.clientId();
        Instant now = Instant.now(clock);
        List<String> keys = new ArrayList<>();
        for (PhotoSet set : PhotoSet.<PhotoSet>list("clientId", clientId)) {
            keys.addAll(sets.removeForDeletedPhoto(set, WithdrawalReason.CLIENT_ERASED));
        }
        PhotoSet.getEntityManager().flush();
        Set<UUID> clinics = new LinkedHashSet<>();
        clinics.add(clinicId);
        List<Photo> photos = Photo.list("clientId", clientId);
        for (Photo photo : photos) {
            clinics.add(photo.clinicId);
            keys.addAll(photo.objectKeys());
            photo.delete();
        }
        AccessAuditEntry.update("clientId = null where clientId = ?1", clientId);
        CompletedSession.delete("clientId", clientId);
        ClientProfile profile = ClientProfile.findById(clientId);
        if (profile == null) {
            profile = ClientProfile.newFor(clientId, clinicId, now);
            profile.persist();
        }
        profile.erase(erased.erasedAt(), now);
        PhotoSet.getEntityManager().flush();

        int deleted = 0;
        for (UUID clinic : clinics) {
            deleted += storage.deletePrefix(ObjectKeys.clientPrefix(clinic, clientId));
        }
        keys.forEach(storage::delete); // already gone with the prefix; kept so a key outside it could never survive
        LOG.infof("client %s erased: %d photos, %d stored objects deleted", clientId, photos.size(), deleted);
    }
}
