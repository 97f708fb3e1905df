package io.stipple.notification.messaging.handlers;

import io.stipple.notification.service.ContactService;
import io.stipple.notification.service.WebhookService;
import io.stipple.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** A received booking or gallery event queued for the clinic's webhook subscriptions, unless its client is erased here. */
@ApplicationScoped
public class WebhookFanOut {

    @Inject
    WebhookService webhooks;

    @Inject
    ContactService contacts;

    public void forward(EventEnvelope event, UUID clientId) {
        if (clientId == null || !contacts.isErased(event.clinicid(), clientId)) {
            webhooks.fanOut(event.clinicid(), event, clientId);
        }
    }
}
