package io.stipple.platform.inbox;

import io.stipple.platform.events.EventEnvelope;

/** Applies one event to a service's own data, inside the inbox transaction. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
