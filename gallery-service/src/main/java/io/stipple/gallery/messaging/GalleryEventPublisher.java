package io.stipple.gallery.messaging;

import io.stipple.gallery.domain.PhotoSet;
import io.stipple.gallery.messaging.GalleryEventsPublished.PhotoPublished;
import io.stipple.gallery.messaging.GalleryEventsPublished.PhotoWithdrawn;
import io.stipple.platform.events.Topics;
import io.stipple.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Publishes the gallery's events ({@link GalleryEventsPublished}): the one mapping from a set to the events about it,
 * written to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class GalleryEventPublisher {

    @Inject
    Outbox outbox;

    public void published(PhotoSet set) {
        outbox.publish(Topics.GALLERY, set.clinicId, set.clientId.toString(),
                new PhotoPublished(set.id, set.clientId, set.publishedAt, set.angle, set.treatmentType));
    }

    public void withdrawn(PhotoSet set) {
        outbox.publish(Topics.GALLERY, set.clinicId, set.clientId.toString(),
                new PhotoWithdrawn(set.id, set.clientId, set.withdrawnAt, set.withdrawalReason));
    }
}
