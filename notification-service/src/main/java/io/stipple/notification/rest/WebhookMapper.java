package io.stipple.notification.rest;

import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.notification.service.WebhookService;

import java.time.Instant;

/** Webhook requests to the service's commands; subscriptions and deliveries to their API shapes. */
public final class WebhookMapper {

    private WebhookMapper() {
    }

    public static WebhookService.NewSubscription toCommand(WebhookSubscriptionRequest request) {
        return new WebhookService.NewSubscription(request.url(), request.eventTypes(), request.description());
    }

    public static WebhookService.SubscriptionChange toCommand(WebhookSubscriptionUpdate update) {
        return new WebhookService.SubscriptionChange(update.url(), update.eventTypes(), update.description(), update.active());
    }

    /** A subscription without its secrets (it shows only whether the previous secret still signs at {@code now}). */
    public static WebhookSubscriptionView toView(WebhookSubscription s, Instant now) {
        return view(s, now, null);
    }

    /** The creation answer: the only time the secret is shown. */
    public static WebhookSubscriptionView toCreatedView(WebhookSubscription s, Instant now) {
        return view(s, now, s.secret);
    }

    private static WebhookSubscriptionView view(WebhookSubscription s, Instant now, String secret) {
        return new WebhookSubscriptionView(s.id, s.url, s.eventTypeList(), s.description, s.active, s.ownerPartnerId, s.createdAt,
                s.version, s.secretScheme.name(), s.secretRotatedAt, s.secrets().overlapping(now) ? s.previousSecretUntil : null, secret);
    }

    /** The rotation answer: the only time the new secret is shown. */
    public static WebhookSecretRotationView toRotationView(WebhookSubscription s) {
        return new WebhookSecretRotationView(s.id, s.secret, s.secretScheme.name(), s.secretRotatedAt, s.previousSecretUntil,
                s.previousSecretScheme == null ? null : s.previousSecretScheme.name(), s.version);
    }

    public static WebhookDeliveryView toView(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.subscriptionId, d.eventId, d.eventType, d.status, d.statusReason, d.attempts, d.nextAttemptAt,
                d.lastStatusCode, d.lastError, d.lastAttemptAt, d.deliveredAt, d.createdAt);
    }
}
