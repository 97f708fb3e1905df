package io.stipple.notification.messaging.handlers;

import io.stipple.notification.domain.Money;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.messaging.BookingEventsReceived.PaymentEvent;
import io.stipple.notification.service.ReminderScheduler;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import io.stipple.platform.problem.RuleViolation;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * The payment events of booking-service (DepositPaid, DepositRefunded, FeeCharged): each sends the client its receipt at
 * once, then goes to the webhook subscriptions that chose it (a partner's only while the client shares with it). Not
 * ordered per booking: every payment is a fact of its own, and its receipt stays true whatever happened to the booking
 * later. An event off contract (no ids or times, a negative amount, no ISO 4217 currency) is dead-lettered.
 */
abstract class PaymentReceiptHandler<T extends PaymentEvent> implements IncomingEventHandler<T> {

    @Inject
    ReminderScheduler scheduler;

    @Inject
    WebhookFanOut webhooks;

    private final String eventName;
    private final Class<T> dataType;
    private final ReminderType receipt;

    PaymentReceiptHandler(String eventName, Class<T> dataType, ReminderType receipt) {
        this.eventName = eventName;
        this.dataType = dataType;
        this.receipt = receipt;
    }

    @Override
    public String topic() {
        return Topics.BOOKINGS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(eventName);
    }

    @Override
    public Class<T> dataType() {
        return dataType;
    }

    @Override
    public void handle(EventEnvelope event, T data) {
        if (event.clinicid() == null) throw new InvalidEventException(eventName + " names no clinic");
        if (data.paymentId() == null || data.bookingId() == null || data.clientId() == null) {
            throw new InvalidEventException(eventName + " has no paymentId, bookingId or clientId");
        }
        if (data.startsAt() == null || data.at() == null) {
            throw new InvalidEventException(eventName + " has no startsAt or time of payment");
        }
        if (data.amount() == null || data.amount().amountMinor() == null) {
            throw new InvalidEventException(eventName + " has no amount");
        }
        Money amount;
        try {
            amount = Money.of(data.amount().amountMinor(), data.amount().currency());
        } catch (RuleViolation e) {
            throw new InvalidEventException(eventName + " " + e.getMessage(), e);
        }
        scheduler.paymentReceipt(event.clinicid(), receipt, data, amount);
        webhooks.forward(event, data.clientId());
    }
}
