package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.ClientEventsReceived.ClientDetails;
import io.stipple.notification.service.ContactService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ClientRegistered and ClientUpdated received: the contact projection of the event's clinic. */
@ApplicationScoped
public class ClientDetailsHandler implements IncomingEventHandler<ClientDetails> {

    @Inject
    ContactService contacts;

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

    /** Contact details are sealed with the client's key (schema version 2): the router opens them (key gone: skipped). */
    @Override
    public boolean opensSealedFields() {
        return true;
    }

    @Override
    public void handle(EventEnvelope event, ClientDetails data) {
        contacts.clientDetails(event.clinicid(), data);
    }
}
