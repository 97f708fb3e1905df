package io.stipple.booking.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a payment's append-only history: a state change (from, to, cause) or a money decision ({@code action}
 * with its {@code rule} and amount), with the provider's id where one is involved.
 */
@Entity
@Table(name = "payment_change")
public class PaymentChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "payment_id")
    public UUID paymentId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PaymentStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PaymentStatus toStatus;
    public String cause;
    @Enumerated(EnumType.STRING)
    public PaymentAction action;
    public String rule;
    @Column(name = "amount_minor")
    public Long amountMinor;
    public String currency;
    @Column(name = "provider_ref")
    public String providerRef;

    static PaymentChange of(Payment p, PaymentStatus from, PaymentStatus to, String cause, Instant at) {
        PaymentChange c = new PaymentChange();
        c.id = UUID.randomUUID();
        c.clinicId = p.clinicId;
        c.paymentId = p.id;
        c.at = at;
        c.fromStatus = from;
        c.toStatus = to;
        c.cause = cause;
        return c;
    }

    /** A money decision on the payment (its status unchanged by it). */
    public static PaymentChange decision(Payment p, PaymentAction action, Amount amount, String rule, Instant at) {
        PaymentChange c = of(p, p.status, p.status, "decision", at);
        c.action = action;
        c.rule = rule;
        c.amountMinor = amount.minor();
        c.currency = amount.currency();
        return c;
    }

    public PaymentChange withAmount(Amount amount) {
        amountMinor = amount.minor();
        currency = amount.currency();
        return this;
    }

    public PaymentChange withRule(String rule) {
        this.rule = rule;
        return this;
    }

    public PaymentChange withProviderRef(String ref) {
        providerRef = ref;
        return this;
    }
}
