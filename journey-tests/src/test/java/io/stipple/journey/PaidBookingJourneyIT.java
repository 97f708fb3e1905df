package io.stipple.journey;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stipple.stack.Service;
import io.stipple.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.PATIENCE;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.ok;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One paid booking end to end, across the running services and Stripe's API (WireMock serving its documented shapes
 * to booking-service's official Stripe SDK): the clinic asks a deposit, the client books from their own front end and
 * gets what the payment form needs, Stripe's signed webhook confirms the booking, the client gets a receipt from
 * notification-service; the clinic then cancels, the deposit goes back through Stripe and the client gets the
 * refund receipt. No card data passes through Stipple: only the provider's ids and client secret.
 */
@ExtendWith(StippleSystem.class)
class PaidBookingJourneyIT {

    private static final long DEPOSIT = 5_000; // £50.00

    @Test
    void a_client_pays_a_deposit_through_stripe_gets_a_receipt_and_a_refund_when_the_clinic_cancels() throws Exception {
        Clinic clinic = new Clinic().setUp();
        askForADeposit(clinic);
        String intent = stubStripeFor(clinic.id);
        Clinic.Client client = clinic.clientWithAgreedPlan("Dana", List.of("TREATMENT"));
        String slot = clinic.availabilityOnceKnown(client, LocalDate.now(LONDON).plusDays(4)).getString("slots[0].startsAt");

        try (TopicProbe bookings = new TopicProbe(StippleSystem.kafka().bootstrapServers(), "stipple.bookings")) {
            // the client books from their own front end: the slot is held while they pay
            JsonPath pending = ok(as(client.token()).body(Map.of("clientId", client.id(), "treatmentId", clinic.smpTreatmentId,
                    "technicianId", clinic.technicianId, "startsAt", slot)).post(url(Service.BOOKING, "/api/v1/bookings")), 201);
            String id = pending.getString("id");
            assertThat(pending.getString("status")).isEqualTo("PENDING_PAYMENT");
            assertThat(pending.getString("payment.status")).isEqualTo("REQUIRES_PAYMENT");
            assertThat(pending.getLong("payment.amount.amountMinor")).isEqualTo(DEPOSIT);
            assertThat(pending.getString("payment.clientSecret")).as("what Stripe's payment form needs")
                    .isEqualTo(intent + "_secret_journey");
            String paymentId = pending.getString("payment.paymentId");
            // booking-service created the PaymentIntent once, with the amount and an idempotency key of the payment
            List<LoggedRequest> created = stripe().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                    .withRequestBody(containing(clinic.id.toString())));
            assertThat(created).hasSize(1);
            assertThat(created.get(0).getHeader("Idempotency-Key")).isEqualTo("stipple-intent-" + paymentId);
            assertThat(created.get(0).getBodyAsString()).contains("amount=" + DEPOSIT, "currency=gbp");

            // the client pays on Stripe's form; Stripe tells booking-service through its signed webhook
            Response delivered = deliver("evt_journey_" + id, intent, clinic.id, paymentId);
            assertThat(delivered.statusCode()).as(delivered.asString()).isIn(200, 204);
            JsonPath paid = ok(as(client.token()).get(url(Service.BOOKING, "/api/v1/bookings/" + id)), 200);
            assertThat(paid.getString("status")).isEqualTo("CONFIRMED");
            assertThat(paid.getString("payment.status")).isEqualTo("PAID");
            assertThat(paid.getString("payment.clientSecret")).isNull();
            bookings.awaitRecords(r -> r.value().contains("io.stipple.DepositPaid") && r.value().contains(id), 1, PATIENCE);

            // notification-service e-mails the receipt, with the amount in pounds
            await("deposit receipt to " + client.email()).atMost(PATIENCE).until(() -> Clinic.mailsTo(client.email()).stream()
                    .anyMatch(m -> subject(m).startsWith("Deposit received: £50.00")));

            // the clinic cancels (a technician is ill): the deposit goes back in full through Stripe
            JsonPath cancelled = ok(as(clinic.staff).body(Map.of("reason", "Technician ill"))
                    .post(url(Service.BOOKING, "/api/v1/bookings/" + id + "/cancel")), 200);
            assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
            assertThat(cancelled.getString("payment.decisions[-1].rule")).isEqualTo("clinic-cancellation-full-refund");
            await("refund of " + intent + " at Stripe").atMost(PATIENCE).until(() -> !stripe()
                    .findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))).isEmpty());
            LoggedRequest refund = stripe().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent))).get(0);
            assertThat(refund.getBodyAsString()).contains("amount=" + DEPOSIT);
            assertThat(refund.getHeader("Idempotency-Key")).startsWith("stipple-refund-");
            bookings.awaitRecords(r -> r.value().contains("io.stipple.DepositRefunded") && r.value().contains(id), 1, PATIENCE);
            await("refund receipt to " + client.email()).atMost(PATIENCE).until(() -> Clinic.mailsTo(client.email()).stream()
                    .anyMatch(m -> subject(m).startsWith("Deposit refunded: £50.00")));
            // the webhook delivered again (Stripe retries) changes nothing
            Response replayed = deliver("evt_journey_" + id, intent, clinic.id, paymentId);
            assertThat(replayed.statusCode()).isIn(200, 204);
            assertThat(ok(as(clinic.staff).get(url(Service.BOOKING, "/api/v1/bookings/" + id)), 200).getString("status"))
                    .isEqualTo("CANCELLED");
        }
    }

    /** The clinic's admin asks a £50 deposit of every booking (GET the profile, PUT it back with the policy). */
    private static void askForADeposit(Clinic clinic) {
        Response current = as(clinic.admin).get(url(Service.BOOKING, "/api/v1/clinics/" + clinic.id));
        Map<String, Object> profile = new LinkedHashMap<>(ok(current, 200).getMap(""));
        profile.put("depositPolicy", Map.of("kind", "FIXED", "amount", Map.of("amountMinor", DEPOSIT, "currency", "GBP"),
                "appliesTo", "EVERYONE"));
        ok(as(clinic.admin).header("If-Match", current.getHeader("ETag")).body(profile)
                .put(url(Service.BOOKING, "/api/v1/clinics/" + clinic.id)), 200);
    }

    /** Stripe's answers for this clinic's calls: the intent it creates, and its refunds and cancels. */
    private static String stubStripeFor(UUID clinicId) {
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String intentJson = """
                {"id": "%1$s", "object": "payment_intent", "amount": %2$d, "currency": "gbp",
                 "status": "requires_payment_method", "client_secret": "%1$s_secret_journey",
                 "automatic_payment_methods": {"enabled": true}, "livemode": false,
                 "metadata": {"clinicId": "%3$s"}}""".formatted(intent, DEPOSIT, clinicId);
        stripe().stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(clinicId.toString()))
                .willReturn(json(intentJson)));
        stripe().stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel"))
                .willReturn(json(intentJson.replace("requires_payment_method", "canceled"))));
        stripe().stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent)).willReturn(json("""
                {"id": "re_%s", "object": "refund", "amount": %d, "currency": "gbp", "payment_intent": "%s",
                 "status": "succeeded"}""".formatted(intent.substring(3), DEPOSIT, intent))));
        return intent;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_journey")
                .withBody(body);
    }

    private static WireMockServer stripe() {
        return StippleSystem.paymentProvider();
    }

    /**
     * What Stripe sends when the payment succeeded: the event, signed as Stripe signs webhook deliveries
     * ({@code Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload">}) at the services' time.
     */
    private static Response deliver(String eventId, String intent, UUID clinicId, String paymentId) throws Exception {
        long t = StippleSystem.now().getEpochSecond();
        String payload = """
                {"id": "%s", "object": "event", "api_version": "2025-11-17.clover", "created": %d,
                 "type": "payment_intent.succeeded", "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "gbp",
                   "status": "succeeded", "metadata": {"clinicId": "%s", "paymentId": "%s"}}}}"""
                .formatted(eventId, t, intent, DEPOSIT, clinicId, paymentId);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(StippleSystem.STRIPE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return RestAssured.given().contentType(ContentType.JSON).header("Stripe-Signature", "t=" + t + ",v1=" + signature)
                .body(payload.getBytes(StandardCharsets.UTF_8)).post(url(Service.BOOKING, "/api/v1/payments/stripe/webhook"));
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
