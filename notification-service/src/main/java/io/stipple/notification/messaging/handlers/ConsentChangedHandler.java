package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.ClientEventsReceived.ConsentChanged;
import io.stipple.notification.service.ContactService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.stipple.platform.inbox.ProjectionGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ConsentGranted and ConsentWithdrawn received: marketing consent (partner sharing is the platform's directory). */
@ApplicationScoped
public class ConsentChangedHandler implements IncomingEventHandler<ConsentChanged> {

    @Inject
    ProjectionGuard positions;

    @Inject
    ContactService contacts;

    /** The {@link ProjectionGuard} aspect of one consent: {@code consent:<scope>[:<partnerId>]}. */
    static String aspect(String scope, String partnerId) {
        return "consent:" + scope + (partnerId == null ? "" : ":" + partnerId);
    }

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("ConsentGranted", "ConsentWithdrawn");
    }

    @Override
    public Class<ConsentChanged> dataType() {
        return ConsentChanged.class;
    }

    @Override
    public void handle(EventEnvelope event, ConsentChanged consent) {
        // each consent is a fact of its own: an older grant (a redelivery, a replayed dead letter) never
        // overwrites a newer withdrawal
        if (positions.advance(aspect(consent.scope(), consent.partnerId()), event)) {
            contacts.consent(event.clinicid(), consent, "ConsentGranted".equals(event.eventName()));
        }
    }
}
