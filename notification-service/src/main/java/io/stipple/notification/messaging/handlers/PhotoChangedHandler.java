package io.stipple.notification.messaging.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/**
 * PhotoPublished and PhotoWithdrawn received: forwarded whole to the webhooks that chose them. Nothing here reads the
 * photo, so the data stays the published JSON; only its client (when it names a valid one) is looked at, for the
 * erased-client and partner-sharing checks.
 */
@ApplicationScoped
public class PhotoChangedHandler implements IncomingEventHandler<JsonNode> {

    @Inject
    WebhookFanOut webhooks;

    @Override
    public String topic() {
        return Topics.GALLERY;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("PhotoPublished", "PhotoWithdrawn");
    }

    @Override
    public Class<JsonNode> dataType() {
        return JsonNode.class;
    }

    @Override
    public void handle(EventEnvelope event, JsonNode data) {
        webhooks.forward(event, clientId(data));
    }

    private static UUID clientId(JsonNode data) {
        try {
            return data.hasNonNull("clientId") ? UUID.fromString(data.get("clientId").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
