package io.stipple.notification.service;

import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.WebhookTargetGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The webhook target guard as configured ({@code notification.webhooks.allow-private-targets}, {@code require-https}). */
@ApplicationScoped
public class WebhookGuardProducer {

    @Inject
    NotificationConfig config;

    private volatile WebhookTargetGuard guard;

    public WebhookTargetGuard guard() {
        if (guard == null) {
            guard = new WebhookTargetGuard(config.webhooks().allowPrivateTargets(), config.webhooks().requireHttps());
        }
        return guard;
    }
}
