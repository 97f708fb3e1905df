package io.stipple.booking.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.booking.domain.PaymentProvider;
import io.stipple.booking.service.BookingService.Result;
import io.stipple.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The booking requests that may need a deposit, with the provider call outside every transaction that could roll
 * back after it: the booking (PENDING_PAYMENT) and its payment (CREATING) are committed first, then the provider's
 * payment intent is created (idempotency key from the payment id, so a retry never makes a second one), then its id
 * and client secret are stored. If the provider cannot answer, the payment is cancelled and the booking released (its
 * time free again) before the caller gets a 503 {@code payment-provider-unavailable}: nothing half-done stays. A
 * booking that needs no deposit is answered as it was made.
 */
@ApplicationScoped
public class PaymentCheckout {

    private static final Logger LOG = Logger.getLogger(PaymentCheckout.class);

    @Inject
    BookingService bookings;

    @Inject
    WaitlistService waitlist;

    @Inject
    PaymentService payments;

    @Inject
    PaymentProvider provider;

    /** {@link BookingService#create}, and the deposit's intent if it needs one. */
    public Result create(BookingService.NewBooking request) {
        return start(committed(() -> bookings.create(request)));
    }

    /** {@link BookingService#createSeries}: a deposit is asked for the first session only. */
    public List<Result> createSeries(BookingService.NewSeries request) {
        List<Result> booked = new ArrayList<>(committed(() -> bookings.createSeries(request)));
        if (!booked.isEmpty()) {
            booked.set(0, start(booked.get(0)));
        }
        return booked;
    }

    /** {@link BookingService#confirmHold}, and the deposit's intent if the booking needs one. */
    public Result confirmHold(UUID id, String preparationNotes, String ifMatch) {
        return start(committed(() -> bookings.confirmHold(id, preparationNotes, ifMatch)));
    }

    /** {@link WaitlistService#accept}, and the deposit's intent if the booking needs one. */
    public Result accept(UUID offerId) {
        return start(committed(() -> waitlist.accept(offerId)));
    }

    private static <T> T committed(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    private Result start(Result made) {
        if (made.deposit() == null) {
            // no payment was made with the booking (its transaction read them back), so there is no intent to create:
            // no second transaction to find that out
            return made;
        }
        UUID clinicId = made.booking().clinicId;
        UUID bookingId = made.booking().id;
        PaymentProvider.IntentRequest request = committed(() -> payments.intentToCreate(clinicId, bookingId)).orElse(null);
        if (request == null) {
            return made;
        }
        PaymentProvider.Intent intent;
        try {
            intent = provider.createIntent(request, "stipple-intent-" + request.paymentId());
        } catch (RuntimeException e) {
            LOG.warnf("the payment provider could not create the intent of payment %s; booking %s released: %s",
                    request.paymentId(), bookingId, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> payments.couldNotStart(clinicId, request.paymentId(), e.getMessage()));
            throw new ProblemException(503, "payment-provider-unavailable", "Payment provider unavailable",
                    "The deposit could not be set up with the payment provider, so nothing was booked; try again shortly")
                    .header("Retry-After", "30");
        }
        QuarkusTransaction.requiringNew().run(() -> payments.intentCreated(clinicId, request.paymentId(), intent));
        return committed(() -> bookings.reload(clinicId, bookingId));
    }
}
