package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.ClientDetails;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ClientRegistered and ClientUpdated received: the client's name and sex in the projection. */
@ApplicationScoped
public class ClientDetailsHandler implements IncomingEventHandler<ClientDetails> {

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

    /** The names are sealed with the client's key (schema version 2): the router opens them (key gone: skipped). */
    @Override
    public boolean opensSealedFields() {
        return true;
    }

    @Override
    public void handle(EventEnvelope event, ClientDetails data) {
        projection.clientDetails(event, data);
    }
}
