package io.stipple.booking;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.stripe.net.Webhook;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stripe's API as WireMock serves its documented shapes, started before the application so its address is the
 * service's {@code booking.payments.stripe.api-base}; the API key and webhook signing secret are test values. Tests
 * stub the calls of their own clinic ({@link #wireMock()}) and sign webhook deliveries with Stripe's scheme
 * ({@link #sign}).
 */
public class StripeTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "whsec_test_stipple_booking_webhook_secret";

    private static WireMockServer wireMock;

    @Override
    public synchronized Map<String, String> start() {
        if (wireMock == null) {
            wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20));
            wireMock.start();
        }
        System.setProperty("stipple.test.stripe.port", Integer.toString(wireMock.port()));
        return Map.of(
                "booking.payments.stripe.api-key", "sk_test_stipple_booking",
                "booking.payments.stripe.api-base", "http://127.0.0.1:" + wireMock.port(),
                "booking.payments.stripe.webhook-secret", WEBHOOK_SECRET);
    }

    @Override
    public void stop() {
        // kept for the JVM: the application may boot again in this JVM with the same port
    }

    /** A client of the WireMock Stripe (over its admin HTTP API, so any class loader can use it). */
    public static WireMock wireMock() {
        return new WireMock("127.0.0.1", Integer.getInteger("stipple.test.stripe.port"));
    }

    /** The {@code Stripe-Signature} header Stripe would send for {@code payload} at {@code at}, with {@code secret}. */
    public static String sign(String payload, Instant at, String secret) {
        long t = at.getEpochSecond();
        try {
            return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
