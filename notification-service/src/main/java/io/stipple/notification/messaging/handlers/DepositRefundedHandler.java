package io.stipple.notification.messaging.handlers;

import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.messaging.BookingEventsReceived.DepositRefunded;
import jakarta.enterprise.context.ApplicationScoped;

/** DepositRefunded received: the refund receipt, with the reason in words, sent to the client at once; then the webhooks that chose it. */
@ApplicationScoped
public class DepositRefundedHandler extends PaymentReceiptHandler<DepositRefunded> {

    public DepositRefundedHandler() {
        super("DepositRefunded", DepositRefunded.class, ReminderType.REFUND_RECEIPT);
    }
}
