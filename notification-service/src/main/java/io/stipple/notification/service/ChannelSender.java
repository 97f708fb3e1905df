package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;

import java.util.concurrent.CompletionStage;

/** Sends one rendered message on one channel, without blocking the caller. */
public interface ChannelSender {

    Channel channel();

    /** Completes with the outcome; never completes exceptionally for a delivery problem. */
    CompletionStage<SendResult> send(OutgoingMessage message);
}
