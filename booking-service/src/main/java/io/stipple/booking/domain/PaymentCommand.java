package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider call decided in a transaction (a refund, cancelling an open intent) and made after its commit by the
 * payment command worker, retried with backoff; its id is the provider's idempotency key, so a retry never refunds
 * twice.
 */
@Entity
@Table(name = "payment_command")
public class PaymentCommand extends PanacheEntityBase {

    public enum Kind { REFUND, CANCEL_INTENT }

    /** Why a refund is made (DepositRefunded's {@code reason}). */
    public enum RefundReason { CLINIC_CANCELLED, CANCELLED_IN_TIME, FEE_BALANCE, PAID_AFTER_EXPIRY, WAIVED }

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "amount_minor")
    public Long amountMinor;
    @Enumerated(EnumType.STRING)
    public RefundReason reason;
    public String rule;
    public String status;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;

    public static PaymentCommand refund(Payment p, Amount amount, RefundReason reason, String rule, Instant now) {
        PaymentCommand c = of(p, Kind.REFUND, now);
        c.amountMinor = amount.minor();
        c.reason = reason;
        c.rule = rule;
        return c;
    }

    public static PaymentCommand cancelIntent(Payment p, Instant now) {
        return of(p, Kind.CANCEL_INTENT, now);
    }

    private static PaymentCommand of(Payment p, Kind kind, Instant now) {
        PaymentCommand c = new PaymentCommand();
        c.id = UUID.randomUUID();
        c.clinicId = p.clinicId;
        c.paymentId = p.id;
        c.kind = kind;
        c.status = "DUE";
        c.nextAttemptAt = now;
        c.createdAt = now;
        return c;
    }
}
