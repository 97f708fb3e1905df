package io.stipple.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Push through a configurable gateway webhook ({@code notification.push.url}) that knows the client's
 * devices: JSON {@code {clientId, title, body, type, reminderId}}, {@code Idempotency-Key}, signed like
 * partner webhooks when {@code notification.push.secret} is set. Outcomes as for SMS ({@link SmsSender}); the
 * gateway drops a repeated {@code Idempotency-Key} ({@code notification.push.deduplicates}).
 */
@ApplicationScoped
public class PushSender implements ChannelSender {

    @Inject
    NotificationConfig config;

    @Inject
    HttpChannels http;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public boolean deduplicates() {
        return config.push().deduplicates();
    }

    @Override
    public CompletionStage<SendResult> send(OutgoingMessage message) {
        if (config.push().url().isEmpty()) {
            return CompletableFuture.completedFuture(SendResult.permanentFailure("no push gateway configured (notification.push.url)"));
        }
        ObjectNode json = mapper.createObjectNode()
                .put("clientId", message.recipient())
                .put("title", message.subject())
                .put("body", message.body())
                .put("type", message.type().name())
                .put("reminderId", message.reminderId().toString());
        String body = json.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(config.push().url().get())
                .timeout(config.dispatcher().sendTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", EmailSender.sha256(message.dedupeKey()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        config.push().secret().ifPresent(secret -> request.header(WebhookSignature.HEADER,
                WebhookSignature.header(secret, clock.instant().getEpochSecond(), body)));
        return http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> SendResult.ofHttpStatus(response.statusCode(), null, response.body()))
                .exceptionally(HttpChannels::classify);
    }
}
