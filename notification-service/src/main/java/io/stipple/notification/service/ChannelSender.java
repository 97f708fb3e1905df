package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;

import java.util.concurrent.CompletionStage;

/** Sends one rendered message on one channel, without blocking the caller. */
public interface ChannelSender {

    Channel channel();

    /**
     * Whether the channel drops a repeated message with the same key (the reminder's {@code Idempotency-Key}): only
     * then is a send whose outcome is unknown ({@link SendResult.Outcome#UNCERTAIN}) tried again.
     */
    boolean deduplicates();

    /**
     * Completes with the outcome, within about {@code notification.dispatcher.send-timeout} (twice that for email,
     * which may first wait for a free SMTP session); never completes exceptionally for a delivery problem.
     */
    CompletionStage<SendResult> send(OutgoingMessage message);
}
