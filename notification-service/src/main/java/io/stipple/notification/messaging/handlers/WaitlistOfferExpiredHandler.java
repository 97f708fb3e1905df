package io.stipple.notification.messaging.handlers;

import io.stipple.notification.messaging.BookingEventsReceived.WaitlistOfferExpired;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** WaitlistOfferExpired received: the offer's messages not sent yet are cancelled. Not forwarded to webhooks. */
@ApplicationScoped
public class WaitlistOfferExpiredHandler implements IncomingEventHandler<WaitlistOfferExpired> {

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
        return Set.of("WaitlistOfferExpired");
    }

    @Override
    public Class<WaitlistOfferExpired> dataType() {
        return WaitlistOfferExpired.class;
    }

    @Override
    public void handle(EventEnvelope event, WaitlistOfferExpired data) {
        if (event.clinicid() == null) throw new InvalidEventException("WaitlistOfferExpired names no clinic");
        if (data.offerId() == null || data.clientId() == null) {
            throw new InvalidEventException("WaitlistOfferExpired has no offerId or clientId");
        }
        if (!order.newestOfOffer(event, data.offerId())) return;
        scheduler.waitlistOfferExpired(event.clinicid(), data);
    }
}
