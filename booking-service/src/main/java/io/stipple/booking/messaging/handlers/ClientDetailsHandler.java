package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.ClientDetails;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.stipple.platform.sealing.ClientKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ClientRegistered and ClientUpdated received: the client's name and sex in the projection. */
@ApplicationScoped
public class ClientDetailsHandler implements IncomingEventHandler<ClientDetails> {

    @Inject
    Inbox inbox;

    @Inject
    ClientKeyring keyring;

    @Inject
    ClientProjectionService projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("ClientRegistered", "ClientUpdated");
    }

    @Override
    public Class<ClientDetails> dataType() {
        return ClientDetails.class;
    }

    /**
     * The names are sealed with the client's key (schema version 2): the event is opened first and its data read
     * again; no key any more: erased, nothing to keep.
     */
    @Override
    public void handle(EventEnvelope event, ClientDetails data) {
        keyring.open(event).ifPresent(opened ->
                projection.clientDetails(opened, inbox.data(opened, ClientDetails.class)));
    }
}
