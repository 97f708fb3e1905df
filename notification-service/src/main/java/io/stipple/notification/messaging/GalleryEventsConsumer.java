package io.stipple.notification.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.stipple.notification.service.ContactService;
import io.stipple.notification.service.WebhookService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.inbox.Inbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** gallery-service events: forwarded to partner webhooks that chose them. */
@ApplicationScoped
public class GalleryEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    WebhookService webhooks;

    @Inject
    ContactService contacts;

    /** Lets the platform replay this channel's dead-lettered events through the same handler. */
    void registerForReplay(@Observes StartupEvent startup) {
        inbox.register("gallery-events", ClientEventsConsumer.CONSUMER, this::handle);
    }

    @Incoming("gallery-events")
    @Blocking
    public void onGalleryEvent(ConsumerRecord<String, String> record) {
        inbox.apply(ClientEventsConsumer.CONSUMER, record, this::handle);
    }

    void handle(EventEnvelope event) {
        switch (event.eventName()) {
            case "PhotoPublished", "PhotoWithdrawn" -> {
                UUID clientId = clientId(event.data());
                if (clientId == null || !contacts.isErased(event.clinicid(), clientId)) {
                    webhooks.fanOut(event.clinicid(), event, clientId);
                }
            }
            default -> {
                // not ours to act on
            }
        }
    }

    private static UUID clientId(JsonNode data) {
        try {
            return data.hasNonNull("clientId") ? UUID.fromString(data.get("clientId").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
