package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.ClientEventsReceived.ClientDetails;
import io.stipple.notification.service.ContactService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.stipple.platform.sealing.ClientKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ClientRegistered and ClientUpdated received: the contact projection of the event's clinic. */
@ApplicationScoped
public class ClientDetailsHandler implements IncomingEventHandler<ClientDetails> {

    @Inject
    Inbox inbox;

    @Inject
    ClientKeyring keyring;

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

    /**
     * Contact details are sealed with the client's key (schema version 2): the event is opened first and its data read
     * again; no key any more: erased, keep nothing.
     */
    @Override
    public void handle(EventEnvelope event, ClientDetails data) {
        keyring.open(event).ifPresent(opened ->
                contacts.clientDetails(opened.clinicid(), inbox.data(opened, ClientDetails.class)));
    }
}
