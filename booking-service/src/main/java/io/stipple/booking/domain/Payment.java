package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking's deposit, collected by the payment provider (which holds the card: Stipple never sees card data). Its
 * life follows {@link PaymentStatus}; every change is recorded as a {@link PaymentChange}.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public PaymentStatus status;
    @Column(name = "amount_minor")
    public long amountMinor;
    public String currency;
    /** The provider's payment intent, once created. */
    @Column(name = "intent_id")
    public String intentId;
    /** What the client's browser needs to pay; only while the payment is open. */
    @Column(name = "client_secret")
    public String clientSecret;
    /** When the booking stops waiting for the payment (its hold time). */
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "refunded_minor")
    public long refundedMinor;
    /** What the clinic kept (forfeited deposit or fee). */
    @Column(name = "kept_minor")
    public long keptMinor;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public Amount amount() {
        return Amount.of(amountMinor, currency);
    }

    /** Moves to {@code next} and returns the change to record (from, to, cause). */
    public PaymentChange moveTo(PaymentStatus next, String cause, Instant now) {
        PaymentChange change = PaymentChange.of(this, status, next, cause, now);
        status = next;
        if (!next.isOpen()) {
            clientSecret = null;
        }
        updatedAt = now;
        return change;
    }
}
