package io.stipple.gallery.messaging.handlers;

import io.stipple.gallery.messaging.ClientEventsReceived.ClientRegistered;
import io.stipple.gallery.service.ClientProjection;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/** ClientRegistered: the clinic now knows the client (an empty profile; no name or contact detail is kept). */
@ApplicationScoped
public class ClientRegisteredHandler implements IncomingEventHandler<ClientRegistered> {

    @Inject
    ClientProjection projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("ClientRegistered");
    }

    @Override
    public Class<ClientRegistered> dataType() {
        return ClientRegistered.class;
    }

    @Override
    public void handle(EventEnvelope event, ClientRegistered data) {
        UUID clinicId = EventChecks.clinicOf(event);
        projection.clientRegistered(clinicId, EventChecks.clientOf(event, data.clientId()));
    }
}
