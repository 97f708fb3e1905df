package io.stipple.gallery.messaging.handlers;

import io.stipple.gallery.messaging.ClientEventsReceived.ClientErased;
import io.stipple.gallery.service.ErasureService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/** ClientErased: everything the gallery holds about the client in the erasing clinic goes ({@link ErasureService}). */
@ApplicationScoped
public class ClientErasedHandler implements IncomingEventHandler<ClientErased> {

    @Inject
    ErasureService erasure;

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
        UUID clinicId = EventChecks.clinicOf(event);
        EventChecks.clientOf(event, data.clientId());
        erasure.erase(clinicId, data);
    }
}
