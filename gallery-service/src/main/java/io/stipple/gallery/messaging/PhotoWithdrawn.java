package io.stipple.gallery.messaging;

import io.stipple.gallery.domain.WithdrawalReason;
import io.stipple.platform.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A published set left the public gallery (topic {@code stipple.gallery}, key = client id). */
public record PhotoWithdrawn(UUID setId, UUID clientId, Instant withdrawnAt, WithdrawalReason reason)
        implements DomainEvent {
}
