package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.BookingEventsReceived.WaitlistOffered;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * WaitlistOffered received: the offer's message to the client, sent at once. Not forwarded to webhooks: a personal
 * offer, no subscription can choose it.
 */
@ApplicationScoped
public class WaitlistOfferedHandler implements IncomingEventHandler<WaitlistOffered> {

    @Inject
    BookingOrder order;

    @Inject
    ReminderScheduler scheduler;

    @Override
    public String topic() {
        return Topics.BOOKINGS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("WaitlistOffered");
    }

    @Override
    public Class<WaitlistOffered> dataType() {
        return WaitlistOffered.class;
    }

    @Override
    public void handle(EventEnvelope event, WaitlistOffered data) {
        if (event.clinicid() == null) throw new InvalidEventException("WaitlistOffered names no clinic");
        if (data.offerId() == null || data.clientId() == null) {
            throw new InvalidEventException("WaitlistOffered has no offerId or clientId");
        }
        if (data.startsAt() == null || data.offerExpiresAt() == null) {
            throw new InvalidEventException("WaitlistOffered has no startsAt or offerExpiresAt");
        }
        if (!order.newestOfOffer(event, data.offerId())) return;
        scheduler.waitlistOffered(event.clinicid(), data);
    }
}
