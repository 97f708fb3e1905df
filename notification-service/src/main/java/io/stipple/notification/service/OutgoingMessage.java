package io.stipple.notification.service;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderType;

import java.util.UUID;

/**
 * A rendered reminder ready for a channel. {@code dedupeKey} travels with it (Message-ID, the provider's
 * idempotency key) so a resend after a crash mid-send is recognisable where the channel allows.
 */
public record OutgoingMessage(UUID reminderId, String dedupeKey, Channel channel, ReminderType type, UUID clientId,
                              String recipient, String senderName, String subject, String body) {
}
