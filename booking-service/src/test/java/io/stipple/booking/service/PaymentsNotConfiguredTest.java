package io.stipple.booking.service;

import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.DepositPolicy;
import io.stipple.booking.domain.PaymentProvider;
import io.stipple.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a payment provider (no API key) no policy may ask for deposits, and no booking is asked for one. */
class PaymentsNotConfiguredTest {

    /** The Stripe adapter without a key says so; any call would fail. */
    static PaymentProvider none() {
        return new PaymentProvider() {
            public boolean configured() { return false; }
            public Intent createIntent(IntentRequest r, String key) { throw new AssertionError("no provider"); }
            public void cancelIntent(String id, String key) { throw new AssertionError("no provider"); }
            public Refund refund(String id, Amount a, String key) { throw new AssertionError("no provider"); }
            public Intent retrieve(String id) { throw new AssertionError("no provider"); }
            public Event verify(String payload, String signature) { throw new InvalidSignature("no provider"); }
        };
    }

    @Test
    void aPolicyAskingForDepositsIsA409WithoutAProvider() {
        PaymentService payments = new PaymentService();
        payments.provider = none();
        DepositPolicy fixed = DepositPolicy.of("d", DepositPolicy.Kind.FIXED, Amount.of(5000, "GBP"), null, null, null, null);
        assertThatThrownBy(() -> payments.checkConfigured(fixed)).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    assertThat(((ProblemException) e).status()).isEqualTo(409);
                    assertThat(((ProblemException) e).slug()).isEqualTo("payments-not-configured");
                });
        assertThatCode(() -> payments.checkConfigured(DepositPolicy.NONE)).doesNotThrowAnyException();
        assertThatCode(() -> payments.checkConfigured(null)).doesNotThrowAnyException();
        // and no booking is asked for a deposit, whatever the policy says
        assertThat(payments.depositFor(null, null, null, true, null)).isEmpty();
    }
}
