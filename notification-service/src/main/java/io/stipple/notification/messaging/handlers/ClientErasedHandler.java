package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.ClientEventsReceived.ClientErased;
import io.stipple.notification.service.ContactService;
import io.stipple.platform.erasure.ClientErasure;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ClientErased received: the client's data here deleted or anonymised, and the platform's stores forget the client. */
@ApplicationScoped
public class ClientErasedHandler implements IncomingEventHandler<ClientErased> {

    @Inject
    ContactService contacts;

    @Inject
    ClientErasure platformErasure;

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
    public void handle(EventEnvelope event, ClientErased erased) {
        contacts.erase(event.clinicid(), erased.clientId(), erased.erasedAt());
        // the platform's stores: kept Idempotency-Key responses naming the client, sent outbox rows
        platformErasure.forgetClient(event.clinicid(), erased.clientId());
    }
}
