package io.stipple.notification.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of one event type name as {@code GET /api/v1/webhooks/event-types} lists it (the answer is a
 * plain JSON array of strings): a name such as {@code BookingConfirmed}, at most 100 characters like the
 * {@code eventTypes} a subscription takes. Only the document uses it.
 */
@Schema(name = "WebhookEventType", type = SchemaType.STRING, maxLength = 100, example = "BookingConfirmed")
public record WebhookEventTypeName(String name) {
}
