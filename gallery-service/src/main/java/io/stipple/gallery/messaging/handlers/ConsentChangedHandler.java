package io.stipple.gallery.messaging.handlers;

import io.stipple.gallery.messaging.ClientEventsReceived.ConsentChanged;
import io.stipple.gallery.service.ClientProjection;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.stipple.platform.inbox.ProjectionGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * ConsentGranted and ConsentWithdrawn: the photo consents of the projection (other scopes are ignored there). Each
 * consent scope is a fact of its own: an older decision never overwrites a newer one ({@link ProjectionGuard}).
 */
@ApplicationScoped
public class ConsentChangedHandler implements IncomingEventHandler<ConsentChanged> {

    static final String GRANTED = "ConsentGranted";

    @Inject
    ClientProjection projection;

    @Inject
    ProjectionGuard positions;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(GRANTED, "ConsentWithdrawn");
    }

    @Override
    public Class<ConsentChanged> dataType() {
        return ConsentChanged.class;
    }

    @Override
    public void handle(EventEnvelope event, ConsentChanged consent) {
        EventChecks.clientOf(event, consent.clientId());
        if (positions.advance("consent:" + consent.scope(), event)) {
            projection.consentChanged(EventChecks.clinicOf(event), consent, GRANTED.equals(event.eventName()));
        }
    }
}
