package io.stipple.booking.rest;

import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.CancellationFees;
import io.stipple.booking.domain.DepositPolicy;
import io.stipple.booking.domain.Payment;
import io.stipple.booking.domain.PaymentChange;
import io.stipple.booking.service.PaymentService;

/** Deposits and their policies: request parts → domain values, payments → views. */
public final class PaymentMapper {

    private PaymentMapper() {
    }

    /** The policy as given ({@code field} names it for a 400); null stays null. */
    public static DepositPolicy policy(String field, DepositPolicyModel m) {
        return m == null ? null : DepositPolicy.of(field, m.kind(), amount(m.amount()), m.percent(), m.appliesTo(),
                m.noShowCount(), m.noShowMonths());
    }

    public static CancellationFees fees(String field, CancellationFeesModel m) {
        return m == null ? null : CancellationFees.of(field, m.lateCancellation(), m.noShow(), amount(m.feeAmount()));
    }

    public static DepositPolicyModel view(DepositPolicy p) {
        return p == null ? null : new DepositPolicyModel(p.kind(), money(p.amount()), p.percent(), p.appliesTo(),
                p.noShowCount(), p.noShowMonths());
    }

    public static CancellationFeesModel view(CancellationFees f) {
        return new CancellationFeesModel(f.lateCancellation(), f.noShow(), money(f.feeAmount()));
    }

    /** The deposit as the booking shows it; the client secret only while the client can pay. */
    public static PaymentView view(PaymentService.Deposit d) {
        if (d == null) return null;
        Payment p = d.payment();
        return new PaymentView(p.id, p.status, money(p.amount()), p.status.isOpen() ? p.clientSecret : null, p.expiresAt,
                d.decisions().stream().map(PaymentMapper::view).toList());
    }

    /** The deposit in the client's GDPR export: everything but the client secret (a credential, not personal data). */
    public static PaymentView exported(PaymentService.Deposit d) {
        PaymentView v = view(d);
        return v == null ? null : new PaymentView(v.paymentId(), v.status(), v.amount(), null, v.expiresAt(), v.decisions());
    }

    private static PaymentDecisionView view(PaymentChange c) {
        return new PaymentDecisionView(c.at, c.action, new Money(c.amountMinor, c.currency), c.rule);
    }

    private static Amount amount(Money m) {
        return m == null ? null : Amount.of(m.amountMinor(), m.currency());
    }

    private static Money money(Amount a) {
        return a == null ? null : new Money(a.minor(), a.currency());
    }
}
