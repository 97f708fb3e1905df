package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.ClientErased;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ClientErased received: future bookings cancelled, the rest anonymised, the projection a tombstone. */
@ApplicationScoped
public class ClientErasedHandler implements IncomingEventHandler<ClientErased> {

    @Inject
    ClientProjectionService projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("ClientErased");
    }

    @Override
    public Class<ClientErased> dataType() {
        return ClientErased.class;
    }

    @Override
    public void handle(EventEnvelope event, ClientErased data) {
        projection.erased(event, data);
    }
}
