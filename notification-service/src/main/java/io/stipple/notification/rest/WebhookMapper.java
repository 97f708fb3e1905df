package io.stipple.notification.rest;

import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.notification.service.WebhookService;

/** Webhook requests to the service's commands; subscriptions and deliveries to their API shapes. */
public final class WebhookMapper {

    private WebhookMapper() {
    }

    public static WebhookService.NewSubscription toCommand(WebhookSubscriptionRequest request, String createdBy) {
        return new WebhookService.NewSubscription(request.url(), request.eventTypes(), request.description(), createdBy);
    }

    public static WebhookService.SubscriptionChange toCommand(WebhookSubscriptionUpdate update) {
        return new WebhookService.SubscriptionChange(update.url(), update.eventTypes(), update.description(), update.active());
    }

    public static WebhookSubscriptionView toView(WebhookSubscription s) {
        return new WebhookSubscriptionView(s.id, s.url, s.eventTypeList(), s.description, s.active, s.ownerPartnerId, s.createdAt, s.version, null);
    }

    /** The creation answer: the only time the secret is shown. */
    public static WebhookSubscriptionView toCreatedView(WebhookSubscription s) {
        return new WebhookSubscriptionView(s.id, s.url, s.eventTypeList(), s.description, s.active, s.ownerPartnerId, s.createdAt, s.version, s.secret);
    }

    public static WebhookDeliveryView toView(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.subscriptionId, d.eventId, d.eventType, d.status, d.statusReason, d.attempts, d.nextAttemptAt,
                d.lastStatusCode, d.lastError, d.lastAttemptAt, d.deliveredAt, d.createdAt);
    }
}
