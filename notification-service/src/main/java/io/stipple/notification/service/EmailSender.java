package io.stipple.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;

/**
 * Email over SMTP with the Quarkus mailer. The Message-ID is derived from the reminder's dedupe key, so
 * a resend after a crash carries the same id and mail systems can recognise the duplicate.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotificationConfig config;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public CompletionStage<SendResult> send(OutgoingMessage message) {
        String messageId = messageId(message.dedupeKey());
        Mail mail = Mail.withText(message.recipient(), message.subject(), message.body())
                .setFrom(from(message.senderName()))
                .addHeader("Message-ID", messageId)
                .addHeader("X-Stipple-Reminder-Id", message.reminderId().toString())
                .addHeader("X-Stipple-Reminder-Type", message.type().name());
        return mailer.send(mail)
                .map(ignored -> SendResult.sent(messageId))
                .onFailure().recoverWithItem(EmailSender::classify)
                .subscribeAsCompletionStage();
    }

    String messageId(String dedupeKey) {
        return "<" + sha256(dedupeKey).substring(0, 40) + "@" + config.email().messageIdDomain() + ">";
    }

    private String from(String senderName) {
        if (senderName == null || senderName.isBlank()) return config.email().from();
        String safe = senderName.replaceAll("[\"\\\\\\r\\n<>]", "").trim();
        return "\"" + safe + "\" <" + config.email().from() + ">";
    }

    /** SMTP 5xx answers (bad mailbox, refused) will not change; anything else may. */
    static SendResult classify(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        if (failure instanceof IllegalArgumentException || text.matches("(?s).*\\b5\\d\\d[ -].*")) {
            return SendResult.permanentFailure(text);
        }
        return SendResult.transientFailure(failure.getClass().getSimpleName() + ": " + text);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
