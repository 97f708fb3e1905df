package io.stipple.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SMS through the provider's HTTP API: {@code POST {notification.sms.url}} with JSON {@code {to, from,
 * body, reference}}, bearer API key and {@code Idempotency-Key} (the reminder's dedupe key hash), answer
 * {@code {id}}. 2xx sent; 408/425/429/503 and no connection: failed before sending (retried); other 4xx permanent;
 * other 5xx, a request timeout or a connection broken mid-answer: uncertain — retried with the same key, because
 * the provider drops a repeated {@code Idempotency-Key} ({@code notification.sms.deduplicates}).
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    @Inject
    NotificationConfig config;

    @Inject
    HttpChannels http;

    @Inject
    ObjectMapper mapper;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean deduplicates() {
        return config.sms().deduplicates();
    }

    @Override
    public CompletionStage<SendResult> send(OutgoingMessage message) {
        if (config.sms().url().isEmpty()) {
            return CompletableFuture.completedFuture(SendResult.permanentFailure("no SMS provider configured (notification.sms.url)"));
        }
        ObjectNode json = mapper.createObjectNode()
                .put("to", message.recipient())
                .put("from", config.sms().sender())
                .put("body", message.body())
                .put("reference", message.reminderId().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(config.sms().url().get())
                .timeout(config.dispatcher().sendTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", EmailSender.sha256(message.dedupeKey()))
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()));
        config.sms().apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> SendResult.ofHttpStatus(response.statusCode(), providerId(response.body()), response.body()))
                .exceptionally(HttpChannels::classify);
    }

    private String providerId(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.hasNonNull("id") ? node.get("id").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
