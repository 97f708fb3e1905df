package io.stipple.notification.messaging.handlers;

import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.messaging.BookingEventsReceived.FeeCharged;
import jakarta.enterprise.context.ApplicationScoped;

/** FeeCharged received: the fee receipt, with the reason in words, sent to the client at once; then the webhooks that chose it. */
@ApplicationScoped
public class FeeChargedHandler extends PaymentReceiptHandler<FeeCharged> {

    public FeeChargedHandler() {
        super("FeeCharged", FeeCharged.class, ReminderType.FEE_RECEIPT);
    }
}
