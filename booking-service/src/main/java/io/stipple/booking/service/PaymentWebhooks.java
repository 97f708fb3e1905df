package io.stipple.booking.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.booking.domain.PaymentProvider;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The payment provider's webhook deliveries. The signature over the raw body is verified first (a missing or wrong one
 * is a 400 {@code invalid-signature} and changes nothing). The delivery names no caller's clinic: the clinic is read
 * from the intent's metadata and the event applied under it ({@link Tenancy#asClinic}), where the payment row must
 * match the intent. An event of another type, or about an intent that is no payment here, is answered 200 and
 * ignored (the provider would retry a non-2xx forever).
 */
@ApplicationScoped
public class PaymentWebhooks {

    private static final Logger LOG = Logger.getLogger(PaymentWebhooks.class);

    @Inject
    PaymentProvider provider;

    @Inject
    PaymentService payments;

    public void receive(String payload, String signature) {
        PaymentProvider.Event event;
        try {
            event = provider.verify(payload, signature);
        } catch (PaymentProvider.InvalidSignature e) {
            throw new ProblemException(400, "invalid-signature", "Invalid signature",
                    "The webhook's signature does not verify: " + e.getMessage());
        }
        if (!PaymentService.HANDLED.contains(event.type())) {
            LOG.debugf("provider event %s of type %s is not acted on", event.id(), event.type());
            return;
        }
        if (event.clinicId().isEmpty() || event.intentId() == null) {
            LOG.infof("provider event %s (%s) names no Stipple payment intent: ignored", event.id(), event.type());
            return;
        }
        Tenancy.asClinic(event.clinicId().get(),
                () -> QuarkusTransaction.requiringNew().run(() -> payments.apply(event.clinicId().get(), event)));
    }
}
