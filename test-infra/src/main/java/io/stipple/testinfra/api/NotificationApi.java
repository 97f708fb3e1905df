package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** notification-service's operations the seeding and the journeys use: the notification log and webhooks. */
public final class NotificationApi extends ServiceApi {

    /** One entry of the notification log (a reminder or message and where it stands). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(UUID id, UUID clientId, UUID bookingId, UUID planId, String type, String channel,
                               String status, String reason, Instant dueAt, Instant sentAt) {
    }

    public record NewWebhook(String url, List<String> eventTypes, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(UUID id, String url, List<String> eventTypes) {
    }

    NotificationApi(StippleApi api) {
        super(api, "notification-service", StippleApi.Endpoints::notification);
    }

    /** The first page of a client's notification log. */
    public Page<Notification> notifications(UUID clientId, int size) {
        return call("GET", "/api/v1/notifications").query("clientId", clientId).query("size", size)
                .fetchPage(Notification.class);
    }

    public Webhook subscribe(NewWebhook webhook, String idempotencySeed) {
        return call("POST", "/api/v1/webhooks").idempotencyKey(idempotencySeed).json(webhook).fetch(Webhook.class);
    }

    /** The first page of the caller's webhook subscriptions. */
    public Page<Webhook> webhooks(int size) {
        return call("GET", "/api/v1/webhooks").query("size", size).fetchPage(Webhook.class);
    }

    /** The first page of a subscription's deliveries. */
    public Page<Ref> deliveries(UUID webhookId, int size) {
        return call("GET", "/api/v1/webhooks/" + webhookId + "/deliveries").query("size", size).fetchPage(Ref.class);
    }
}
