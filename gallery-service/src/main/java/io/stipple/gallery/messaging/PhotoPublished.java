package io.stipple.gallery.messaging;

import io.stipple.gallery.domain.Angle;
import io.stipple.gallery.domain.TreatmentType;
import io.stipple.platform.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A before/after set entered the public gallery (topic {@code stipple.gallery}, key = client id). */
public record PhotoPublished(UUID setId, UUID clientId, Instant publishedAt, Angle angle, TreatmentType treatmentType)
        implements DomainEvent {
}
