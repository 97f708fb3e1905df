package io.stipple.notification.messaging.handlers;

import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.messaging.BookingEventsReceived.DepositPaid;
import jakarta.enterprise.context.ApplicationScoped;

/** DepositPaid received: the deposit receipt, sent to the client at once; then the webhooks that chose it. */
@ApplicationScoped
public class DepositPaidHandler extends PaymentReceiptHandler<DepositPaid> {

    public DepositPaidHandler() {
        super("DepositPaid", DepositPaid.class, ReminderType.DEPOSIT_RECEIPT);
    }
}
