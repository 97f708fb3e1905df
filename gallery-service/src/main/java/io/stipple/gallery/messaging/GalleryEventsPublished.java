package io.stipple.gallery.messaging;

import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.gallery.domain.WithdrawalReason;
import io.stipple.platform.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The events the gallery publishes (topic {@code stipple.gallery}, key = client id), written by
 * {@link GalleryEventPublisher}; each record's simple name is the event name on the wire.
 */
public final class GalleryEventsPublished {

    private GalleryEventsPublished() {
    }

    /** A before/after set entered the public gallery. */
    public record PhotoPublished(UUID setId, UUID clientId, Instant publishedAt, Angle angle, TreatmentType treatmentType)
            implements DomainEvent {
    }

    /** A published set left the public gallery. */
    public record PhotoWithdrawn(UUID setId, UUID clientId, Instant withdrawnAt, WithdrawalReason reason)
            implements DomainEvent {
    }
}
