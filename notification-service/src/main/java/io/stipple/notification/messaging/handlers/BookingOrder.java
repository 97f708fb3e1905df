package io.stipple.notification.messaging.handlers;

import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.inbox.ProjectionGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The order of one booking's (or waitlist offer's) events, for the booking handlers ({@link ProjectionGuard}, aspect {@code booking:<id>}). */
@ApplicationScoped
public class BookingOrder {

    @Inject
    ProjectionGuard positions;

    /**
     * True unless a later event of this booking (by the publisher's {@code subjectsequence}) has already been applied.
     * A booking event for a client not known yet is dead-lettered after its hold and may be replayed long after the
     * booking was cancelled: the replayed BookingConfirmed must not plan reminders for it again.
     */
    public boolean newest(EventEnvelope event, UUID bookingId) {
        return positions.advance("booking:" + bookingId, event);
    }

    /**
     * The same for one waitlist offer (aspect {@code waitlist-offer:<id>}): a WaitlistOffered dead-lettered for a client
     * not known yet and replayed after the offer's WaitlistOfferExpired sends nothing.
     */
    public boolean newestOfOffer(EventEnvelope event, UUID offerId) {
        return positions.advance("waitlist-offer:" + offerId, event);
    }
}
