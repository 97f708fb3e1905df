package io.stipple.notification.service;

import io.netty.channel.ConnectTimeoutException;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Email over SMTP with a Vert.x mail client of this service's own (not the Quarkus mailer, whose reactive API has
 * no timeout at all). The Message-ID is derived from the reminder's dedupe key.
 *
 * <p>Why not a pooled send straight from the dispatcher: every SMTP session runs on one Vert.x context of its own
 * here, never more sessions are started than the pool holds (the rest wait in this class's queue, at most
 * {@code dispatcher.send-timeout}, and a send that never got a session is {@code FAILED_BEFORE_SENDING}: nothing
 * left), and each session has a read timeout ({@code notification.email.smtp.read-timeout}): a server that stops
 * answering — after DATA, say — closes the session and the send ends {@code UNCERTAIN} instead of holding the
 * connection, and every send queued behind it, forever. SMTP does not deduplicate, so an uncertain email is never
 * sent again automatically.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    @Inject
    Vertx vertx;

    @Inject
    NotificationConfig config;

    private MailClient client;
    private Context context;
    private int maxSessions;
    private long sendTimeoutMillis;
    private long reclaimAfterMillis;

    // touched on `context` only
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int inFlight;

    /** One message on its way: queued (timer = expiry), then in flight (timer = guard). */
    private static final class Pending {
        final MailMessage mail;
        final String messageId;
        final CompletableFuture<SendResult> result = new CompletableFuture<>();
        long timer = -1;
        boolean released;

        Pending(MailMessage mail, String messageId) {
            this.mail = mail;
            this.messageId = messageId;
        }
    }

    @PostConstruct
    void start() {
        NotificationConfig.Smtp smtp = config.email().smtp();
        maxSessions = Math.max(1, smtp.maxPoolSize());
        sendTimeoutMillis = Math.max(1, config.dispatcher().sendTimeout().toMillis());
        reclaimAfterMillis = Math.max(1, smtp.connectTimeout().plus(smtp.readTimeout()).toMillis());
        MailConfig mailConfig = new MailConfig()
                .setHostname(smtp.host())
                .setPort(smtp.port())
                .setSsl(smtp.ssl())
                .setStarttls(StartTLSOptions.valueOf(smtp.startTls().trim().toUpperCase()))
                .setMaxPoolSize(maxSessions)
                .setKeepAlive(smtp.keepAlive());
        smtp.username().filter(u -> !u.isBlank()).ifPresent(mailConfig::setUsername);
        smtp.password().filter(p -> !p.isBlank()).ifPresent(mailConfig::setPassword);
        mailConfig.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, smtp.connectTimeout().toMillis()));
        mailConfig.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        mailConfig.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, smtp.readTimeout().toMillis()));
        client = MailClient.create(vertx, mailConfig);
        context = newEventLoopContext();
    }

    @PreDestroy
    void stop() {
        if (client != null) client.close();
    }

    /** A fresh event-loop context: asked for on a thread of our own, where Vert.x creates one rather than reusing the caller's. */
    private Context newEventLoopContext() {
        FutureTask<Context> task = new FutureTask<>(vertx::getOrCreateContext);
        Thread thread = new Thread(task, "smtp-context");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the SMTP context", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the SMTP context", e);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean deduplicates() {
        return false; // a resent email is a second email in the recipient's inbox
    }

    @Override
    public CompletionStage<SendResult> send(OutgoingMessage message) {
        String messageId = messageId(message.dedupeKey());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Message-ID", messageId)
                .add("X-Stipple-Reminder-Id", message.reminderId().toString())
                .add("X-Stipple-Reminder-Type", message.type().name());
        MailMessage mail = new MailMessage()
                .setFrom(from(message.senderName()))
                .setTo(message.recipient())
                .setSubject(message.subject())
                .setText(message.body())
                .setHeaders(headers);
        Pending pending = new Pending(mail, messageId);
        context.runOnContext(ignored -> enqueue(pending));
        return pending.result;
    }

    private void enqueue(Pending pending) {
        if (inFlight < maxSessions) {
            begin(pending);
            return;
        }
        waiting.addLast(pending);
        pending.timer = vertx.setTimer(sendTimeoutMillis, id -> {
            if (waiting.remove(pending)) {
                pending.result.complete(SendResult.failedBeforeSending(
                        "no SMTP session free within " + Duration.ofMillis(sendTimeoutMillis) + " (nothing was sent)"));
            }
        });
    }

    private void begin(Pending pending) {
        inFlight++;
        pending.timer = vertx.setTimer(sendTimeoutMillis, id -> {
            pending.result.complete(SendResult.uncertain("no answer from the SMTP server within "
                    + Duration.ofMillis(sendTimeoutMillis) + " after the message was handed to it"));
            // the session holds its slot until the mail client lets go of it (its read timeout closes a silent one);
            // should the client never call back, the slot is reclaimed after one more connect + read timeout, so
            // it is not lost for good (what that send might still do no longer matters: uncertain, never resent)
            pending.timer = vertx.setTimer(reclaimAfterMillis, reclaim -> {
                LOG.warnf("SMTP send of %s never ended; its session slot is reclaimed", pending.messageId);
                release(pending);
            });
        });
        client.sendMail(pending.mail).onComplete(done -> {
            vertx.cancelTimer(pending.timer);
            SendResult result = done.succeeded() ? SendResult.sent(pending.messageId) : classify(done.cause());
            if (!pending.result.complete(result)) {
                LOG.warnf("SMTP send of %s ended after it was given up on: %s", pending.messageId,
                        result.outcome() + (result.error() == null ? "" : " " + result.error()));
            }
            release(pending);
        });
    }

    private void release(Pending pending) {
        if (pending.released) return;
        pending.released = true;
        inFlight--;
        next();
    }

    private void next() {
        while (inFlight < maxSessions && !waiting.isEmpty()) {
            Pending next = waiting.pollFirst();
            vertx.cancelTimer(next.timer);
            if (!next.result.isDone()) begin(next);
        }
    }

    String messageId(String dedupeKey) {
        return "<" + sha256(dedupeKey).substring(0, 40) + "@" + config.email().messageIdDomain() + ">";
    }

    private String from(String senderName) {
        if (senderName == null || senderName.isBlank()) return config.email().from();
        String safe = senderName.replaceAll("[\"\\\\\\r\\n<>]", "").trim();
        return "\"" + safe + "\" <" + config.email().from() + ">";
    }

    /**
     * What an SMTP failure says about the message. The server's own refusal (a reply code) means it did not take
     * the message: 5xx for good, 4xx for now. No connection (refused, unknown host, connect timeout): nothing left.
     * Anything else — the session closed or went silent, a reply that makes no sense — may have happened after the
     * message's final dot was written: uncertain.
     */
    static SendResult classify(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure instanceof IllegalArgumentException) {
            return SendResult.permanentFailure(text);
        }
        if (failure instanceof SMTPException smtp) {
            int code = smtp.getReplyCode();
            if (code >= 500 && code < 600) return SendResult.permanentFailure(text);
            if (code >= 400 && code < 500) return SendResult.failedBeforeSending(text);
            return SendResult.uncertain(text);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof ConnectTimeoutException) {
                return SendResult.failedBeforeSending(text);
            }
        }
        return SendResult.uncertain(text);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
