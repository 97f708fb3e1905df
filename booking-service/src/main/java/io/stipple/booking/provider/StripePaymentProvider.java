package io.stipple.booking.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;

import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.Amount;
import io.stipple.booking.domain.PaymentProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment provider on Stripe, through the official SDK ({@code com.stripe:stripe-java}): PaymentIntents with
 * automatic payment methods, their cancel, refunds, and webhook signatures ({@link Webhook#constructEvent}). One
 * {@link StripeClient} with the API key, the API base ({@code booking.payments.stripe.api-base}), two network retries
 * (the SDK retries connection failures, 409 and 5xx with the same idempotency key) and timeouts. Every call carries
 * the caller's idempotency key. Without an API key nothing is called: {@link #configured()} is false.
 */
@ApplicationScoped
public class StripePaymentProvider implements PaymentProvider {

    @Inject
    BookingConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private StripeClient client;

    @PostConstruct
    void init() {
        BookingConfig.Payments.Stripe stripe = config.payments().stripe();
        client = stripe.apiKey().filter(k -> !k.isBlank()).map(key -> StripeClient.builder()
                .setApiKey(key)
                .setApiBase(stripe.apiBase())
                .setMaxNetworkRetries(2)
                .setConnectTimeout((int) stripe.connectTimeout().toMillis())
                .setReadTimeout((int) stripe.readTimeout().toMillis())
                .build()).orElse(null);
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public Intent createIntent(IntentRequest request, String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .setDescription(request.description())
                .putMetadata("clinicId", request.clinicId().toString())
                .putMetadata("bookingId", request.bookingId().toString())
                .putMetadata("paymentId", request.paymentId().toString())
                .build();
        PaymentIntent intent = call(() -> client().v1().paymentIntents().create(params, options(idempotencyKey)));
        return new Intent(intent.getId(), intent.getClientSecret(), intent.getStatus());
    }

    @Override
    public void cancelIntent(String intentId, String idempotencyKey) {
        call(() -> client().v1().paymentIntents().cancel(intentId, PaymentIntentCancelParams.builder().build(),
                options(idempotencyKey)));
    }

    @Override
    public Refund refund(String intentId, Amount amount, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amount.minor()).build();
        com.stripe.model.Refund refund = call(() -> client().v1().refunds().create(params, options(idempotencyKey)));
        return new Refund(refund.getId(), refund.getStatus());
    }

    @Override
    public Intent retrieve(String intentId) {
        PaymentIntent intent = call(() -> client().v1().paymentIntents().retrieve(intentId));
        return new Intent(intent.getId(), intent.getClientSecret(), intent.getStatus());
    }

    @Override
    public PaymentProvider.Event verify(String payload, String signature) {
        String secret = config.payments().stripe().webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> new InvalidSignature("no webhook secret is configured"));
        if (payload == null || signature == null || signature.isBlank()) {
            throw new InvalidSignature("the Stripe-Signature header is missing");
        }
        com.stripe.model.Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret,
                    config.payments().stripe().webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignature(e.getMessage());
        } catch (RuntimeException e) {
            // a body that is not a Stripe event (the signature may still have matched a stranger's payload)
            throw new InvalidSignature("the body is not a Stripe event");
        }
        JsonNode object = dataObject(event);
        String kind = object.path("object").asText();
        String intentId = switch (kind) {
            case "payment_intent" -> object.path("id").asText(null);
            case "charge", "refund" -> text(object.path("payment_intent"));
            default -> null;
        };
        JsonNode metadata = object.path("metadata");
        return new PaymentProvider.Event(event.getId(), event.getType(), intentId, uuid(metadata, "clinicId"),
                uuid(metadata, "paymentId"));
    }

    private JsonNode dataObject(com.stripe.model.Event event) {
        try {
            return json.readTree(event.getDataObjectDeserializer().getRawJson());
        } catch (IOException | RuntimeException e) {
            throw new InvalidSignature("the event carries no readable object");
        }
    }

    /** {@code payment_intent} may be an id or an expanded object. */
    private static String text(JsonNode node) {
        if (node.isTextual()) return node.asText();
        if (node.isObject()) return node.path("id").asText(null);
        return null;
    }

    private static Optional<UUID> uuid(JsonNode metadata, String key) {
        try {
            return metadata.hasNonNull(key) ? Optional.of(UUID.fromString(metadata.get(key).asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private StripeClient client() {
        if (client == null) {
            throw new Unavailable("no payment provider is configured (booking.payments.stripe.api-key)", null);
        }
        return client;
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    /**
     * A call's failure as the port names it: the network, rate limits, a concurrent request with the same key and
     * Stripe's own errors (5xx) are {@link Unavailable} (try again later, with the same key); anything else (an
     * invalid request, a card error, authentication) is {@link Refused}.
     */
    private static <T> T call(StripeCall<T> call) {
        try {
            return call.call();
        } catch (ApiConnectionException | RateLimitException | IdempotencyException e) {
            throw new Unavailable("Stripe did not answer: " + e.getMessage(), e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status == null || status >= 500) {
                throw new Unavailable("Stripe failed: " + e.getMessage(), e);
            }
            throw new Refused("Stripe refused the call (" + status + ", " + e.getCode() + "): " + e.getMessage());
        }
    }
}
