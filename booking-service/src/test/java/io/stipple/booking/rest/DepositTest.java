package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stipple.booking.ClinicScenario;
import io.stipple.booking.Events;
import io.stipple.booking.StripeTestResource;
import io.stipple.booking.TestClinic;
import io.stipple.booking.service.HoldSweeper;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Deposits over the API, the real database and Kafka, with the real Stripe SDK calling WireMock (Stripe's documented
 * shapes) and webhook deliveries signed with Stripe's scheme: a deposit booking waits for the payment holding its
 * time, the signed payment_intent.succeeded confirms it once, an unpaid one expires and frees the time, cancellations
 * and no-shows refund, forfeit or charge a fee by policy, and a replayed, forged or late event changes nothing it
 * should not.
 */
@QuarkusTest
class DepositTest extends ClinicScenario {

    static final String SLOT = "2030-01-08T10:00:00Z";
    static final String WEBHOOK = "/api/v1/payments/stripe/webhook";

    @Inject
    HoldSweeper sweeper;

    private final WireMock stripe = StripeTestResource.wireMock();

    // --- set-up -------------------------------------------------------------------------------------------

    /** The clinic's profile with a deposit policy, payment time and fees (null: left out). */
    private void policy(Map<String, Object> deposit, Integer paymentMinutes, Map<String, Object> fees) {
        String etag = c.as(c.admin()).get("/api/v1/clinics/" + c.id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = TestClinic.clinicBody(c.zone, TestClinic.week("09:00", "18:00"));
        body.put("depositPolicy", deposit);
        body.put("paymentMinutes", paymentMinutes);
        body.put("cancellationFees", fees);
        c.as(c.admin()).header("If-Match", etag).body(body).put("/api/v1/clinics/" + c.id).then().statusCode(200);
    }

    private static Map<String, Object> fixed(long minor, String appliesTo) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "FIXED");
        p.put("amount", Map.of("amountMinor", minor, "currency", "GBP"));
        p.put("appliesTo", appliesTo);
        return p;
    }

    /** Stripe answers this clinic's next PaymentIntent creation with {@code intentId}. */
    private String stubIntent() {
        String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        stripe.register(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(c.id.toString()))
                .willReturn(okJson(intent(intentId, "requires_payment_method"))));
        stubRefundsAndCancels(intentId);
        return intentId;
    }

    private void stubRefundsAndCancels(String intentId) {
        stripe.register(post(urlPathEqualTo("/v1/payment_intents/" + intentId + "/cancel"))
                .willReturn(okJson(intent(intentId, "canceled"))));
        stripe.register(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intentId))
                .willReturn(okJson("""
                        {"id": "re_%s", "object": "refund", "amount": 5000, "currency": "gbp", "payment_intent": "%s",
                         "status": "succeeded", "metadata": {}}""".formatted(intentId.substring(3), intentId))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test")
                .withBody(body);
    }

    private static String intent(String id, String status) {
        return """
                {"id": "%1$s", "object": "payment_intent", "amount": 5000, "currency": "gbp", "status": "%2$s",
                 "client_secret": "%1$s_secret_test", "automatic_payment_methods": {"enabled": true},
                 "livemode": false, "metadata": {}}""".formatted(id, status);
    }

    /** Signs and delivers a Stripe event about the intent; returns the answer. */
    private Response deliver(String eventId, String type, String intentId, String paymentId, String intentStatus) {
        String payload = event(eventId, type, intentId, paymentId, intentStatus);
        return given().contentType(ContentType.JSON)
                .header("Stripe-Signature", StripeTestResource.sign(payload, CLOCK.instant(), StripeTestResource.WEBHOOK_SECRET))
                .body(payload).post(WEBHOOK);
    }

    private String event(String eventId, String type, String intentId, String paymentId, String intentStatus) {
        return """
                {"id": "%s", "object": "event", "api_version": "2025-11-17.clover", "created": %d, "type": "%s",
                 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": 5000, "currency": "gbp",
                   "status": "%s", "metadata": {"clinicId": "%s", "paymentId": "%s"}}}}"""
                .formatted(eventId, CLOCK.instant().getEpochSecond(), type, intentId, intentStatus, c.id, paymentId);
    }

    private Response book(String token, UUID client, String at) {
        return c.as(token).body(c.booking(client, c.consultation, tech(), at)).post("/api/v1/bookings");
    }

    private Response booking(String id) {
        return c.as(c.staff()).get("/api/v1/bookings/" + id);
    }

    private long published(String eventName, String bookingId) {
        return probe.seen().stream().map(ConsumerRecord::value)
                .filter(v -> v.contains("\"io.stipple." + eventName + "\"") && v.contains(bookingId)).count();
    }

    /** A deposit booking, paid through the signed webhook: its id, payment id and intent id. */
    private String[] paidBooking(UUID client) {
        String intent = stubIntent();
        Response booked = book(c.staff(), client, SLOT);
        booked.then().statusCode(201);
        String id = booked.path("id");
        String paymentId = booked.path("payment.paymentId");
        deliver("evt_" + UUID.randomUUID(), "payment_intent.succeeded", intent, paymentId, "succeeded").then().statusCode(204);
        booking(id).then().body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        return new String[] {id, paymentId, intent};
    }

    // --- tests --------------------------------------------------------------------------------------------

    @Test
    void aDepositBookingWaitsForItsPaymentAndTheSignedWebhookConfirmsItOnce() {
        policy(fixed(5000, "EVERYONE"), 30, null);
        String intent = stubIntent();
        UUID client = feeder.registered(c.id);
        Response booked = book(c.staff(), client, SLOT);
        booked.then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING_PAYMENT"))
                .body("holdExpiresAt", org.hamcrest.Matchers.equalTo("2030-01-07T08:30:00Z"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("REQUIRES_PAYMENT"))
                .body("payment.amount.amountMinor", org.hamcrest.Matchers.equalTo(5000))
                .body("payment.clientSecret", org.hamcrest.Matchers.equalTo(intent + "_secret_test"))
                .body("payment.expiresAt", org.hamcrest.Matchers.equalTo("2030-01-07T08:30:00Z"))
                .body("payment.decisions[0].action", org.hamcrest.Matchers.equalTo("CHARGE_DEPOSIT"));
        String id = booked.path("id");
        String paymentId = booked.path("payment.paymentId");
        // the intent was created once, with the amount, the ids in its metadata and an idempotency key of the payment
        List<LoggedRequest> creates = stripe.find(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(containing(c.id.toString())));
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).getHeader("Idempotency-Key")).isEqualTo("stipple-intent-" + paymentId);
        assertThat(creates.get(0).getBodyAsString()).contains("amount=5000", "currency=gbp", paymentId, id);
        // the time is taken while it waits
        book(c.staff(), feeder.registered(c.id), SLOT).then().statusCode(409).body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "booking-conflict"));

        deliver("evt_paid_" + id, "payment_intent.succeeded", intent, paymentId, "succeeded").then().statusCode(204);
        booking(id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("PAID"))
                .body("payment.clientSecret", nullValue());
        JsonNode paid = Events.await(probe, "DepositPaid", id).get("data");
        assertThat(paid.get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(paid.get("amount").get("amountMinor").asLong()).isEqualTo(5000);
        assertThat(paid.get("treatmentName").asText()).isEqualTo("Consultation");
        assertThat(paid.toString()).doesNotContain("secret");
        Events.await(probe, "BookingConfirmed", id);

        // a replay of the same event changes nothing
        long version = ((Number) booking(id).path("version")).longValue();
        deliver("evt_paid_" + id, "payment_intent.succeeded", intent, paymentId, "succeeded").then().statusCode(204);
        booking(id).then().body("version", org.hamcrest.Matchers.equalTo((int) version));

        // the clinic cancels: the deposit goes back in full (refund through the command queue, DepositRefunded)
        c.as(c.staff()).body(Map.of("reason", "Technician ill")).post("/api/v1/bookings/" + id + "/cancel").then()
                .statusCode(200)
                .body("payment.status", org.hamcrest.Matchers.equalTo("REFUNDED"))
                .body("payment.decisions[1].action", org.hamcrest.Matchers.equalTo("REFUND"))
                .body("payment.decisions[1].amount.amountMinor", org.hamcrest.Matchers.equalTo(5000))
                .body("payment.decisions[1].rule", org.hamcrest.Matchers.equalTo("clinic-cancellation-full-refund"));
        JsonNode refunded = Events.await(probe, "DepositRefunded", id).get("data");
        assertThat(refunded.get("reason").asText()).isEqualTo("CLINIC_CANCELLED");
        assertThat(refunded.get("rule").asText()).isEqualTo("clinic-cancellation-full-refund");
        assertThat(refunded.get("amount").get("amountMinor").asLong()).isEqualTo(5000);
        List<LoggedRequest> refunds = stripe.find(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent)));
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).getBodyAsString()).contains("amount=5000");
        assertThat(refunds.get(0).getHeader("Idempotency-Key")).startsWith("stipple-refund-");
        // the relay went past the later events: BookingConfirmed and DepositPaid were published exactly once
        Events.await(probe, "BookingCancelled", id);
        assertThat(published("BookingConfirmed", id)).isEqualTo(1);
        assertThat(published("DepositPaid", id)).isEqualTo(1);
    }

    @Test
    void aForgedOrUnsignedWebhookIsRefusedAndChangesNothing() {
        policy(fixed(5000, "EVERYONE"), 30, null);
        String intent = stubIntent();
        Response booked = book(c.staff(), feeder.registered(c.id), SLOT);
        String id = booked.path("id");
        String paymentId = booked.path("payment.paymentId");
        String payload = event("evt_forged_" + id, "payment_intent.succeeded", intent, paymentId, "succeeded");

        given().contentType(ContentType.JSON).body(payload)
                .header("Stripe-Signature", StripeTestResource.sign(payload, CLOCK.instant(), "whsec_somebody_else"))
                .post(WEBHOOK).then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "invalid-signature"));
        given().contentType(ContentType.JSON).body(payload).post(WEBHOOK).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "invalid-signature"));
        // signed correctly, but too old (a replay of a captured delivery)
        given().contentType(ContentType.JSON).body(payload)
                .header("Stripe-Signature", StripeTestResource.sign(payload, CLOCK.instant().minus(Duration.ofHours(1)),
                        StripeTestResource.WEBHOOK_SECRET))
                .post(WEBHOOK).then().statusCode(400).body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "invalid-signature"));
        // the body changed after signing
        String signature = StripeTestResource.sign(payload, CLOCK.instant(), StripeTestResource.WEBHOOK_SECRET);
        given().contentType(ContentType.JSON).body(payload.replace("5000", "1")).header("Stripe-Signature", signature)
                .post(WEBHOOK).then().statusCode(400);

        booking(id).then().body("status", org.hamcrest.Matchers.equalTo("PENDING_PAYMENT"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("REQUIRES_PAYMENT"));
        // an event about an intent that is no payment here is answered 200 and ignored
        deliver("evt_stranger", "payment_intent.succeeded", "pi_not_ours", UUID.randomUUID().toString(), "succeeded")
                .then().statusCode(204);
        booking(id).then().body("status", org.hamcrest.Matchers.equalTo("PENDING_PAYMENT"));
    }

    @Test
    void anUnpaidBookingExpiresFreesItsTimeAndItsIntentIsCancelled() {
        // self-service only: the client's own booking is asked for a deposit, the front desk's is not
        policy(fixed(5000, "SELF_SERVICE"), 10, null);
        String intent = stubIntent();
        UUID client = feeder.registered(c.id);
        Response booked = book(c.client(client), client, SLOT);
        booked.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("PENDING_PAYMENT"));
        String id = booked.path("id");

        CLOCK.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(1));
        Response other = book(c.staff(), feeder.registered(c.id), SLOT);
        other.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("CONFIRMED")).body("payment", nullValue());
        booking(id).then().body("status", org.hamcrest.Matchers.equalTo("EXPIRED"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("payment.clientSecret", nullValue());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stripe.find(
                postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel")))).hasSize(1));
    }

    @Test
    void aLateCancellationKeepsTheFeeAndRefundsTheBalance() {
        policy(fixed(5000, "EVERYONE"), 30, Map.of("lateCancellation", "FEE", "noShow", "FEE",
                "feeAmount", Map.of("amountMinor", 2000, "currency", "GBP")));
        String[] paid = paidBooking(feeder.registered(c.id));
        String id = paid[0];
        // 26 hours before the start, inside the 48 hours' notice: the client phoned, the front desk cancels for them
        c.as(c.staff()).body(Map.of("reason", "Client phoned: cannot come", "requestedBy", "CLIENT"))
                .post("/api/v1/bookings/" + id + "/cancel").then().statusCode(200)
                .body("cancelledBy", org.hamcrest.Matchers.equalTo("CLIENT"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("PARTIALLY_REFUNDED"))
                .body("payment.decisions.action", org.hamcrest.Matchers.contains("CHARGE_DEPOSIT", "FEE", "REFUND"))
                .body("payment.decisions[1].amount.amountMinor", org.hamcrest.Matchers.equalTo(2000))
                .body("payment.decisions[1].rule", org.hamcrest.Matchers.equalTo("late-cancellation-fee"))
                .body("payment.decisions[2].amount.amountMinor", org.hamcrest.Matchers.equalTo(3000));
        JsonNode fee = Events.await(probe, "FeeCharged", id).get("data");
        assertThat(fee.get("reason").asText()).isEqualTo("LATE_CANCELLATION");
        assertThat(fee.get("rule").asText()).isEqualTo("late-cancellation-fee");
        assertThat(fee.get("amount").get("amountMinor").asLong()).isEqualTo(2000);
        JsonNode refund = Events.await(probe, "DepositRefunded", id).get("data");
        assertThat(refund.get("reason").asText()).isEqualTo("FEE_BALANCE");
        assertThat(refund.get("amount").get("amountMinor").asLong()).isEqualTo(3000);
        assertThat(stripe.find(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(paid[2]))
                .withRequestBody(containing("amount=3000")))).hasSize(1);
        assertThat(Events.await(probe, "BookingCancelled", id).get("data").get("cancelledBy").asText()).isEqualTo("CLIENT");
    }

    @Test
    void aLateCancellationForfeitsTheDepositByDefaultAndAClientsTimelyCancelRefundsIt() {
        policy(fixed(5000, "EVERYONE"), 30, null);
        String[] late = paidBooking(feeder.registered(c.id));
        c.as(c.staff()).body(Map.of("reason", "Phoned too late", "requestedBy", "CLIENT"))
                .post("/api/v1/bookings/" + late[0] + "/cancel").then().statusCode(200)
                .body("payment.status", org.hamcrest.Matchers.equalTo("FORFEITED"))
                .body("payment.decisions[1].action", org.hamcrest.Matchers.equalTo("FORFEIT"))
                .body("payment.decisions[1].rule", org.hamcrest.Matchers.equalTo("late-cancellation-forfeit-deposit"));
        assertThat(Events.await(probe, "FeeCharged", late[0]).get("data").get("amount").get("amountMinor").asLong()).isEqualTo(5000);

        // a client cancelling well before the notice window gets it all back
        UUID client = feeder.registered(c.id);
        String intent = stubIntent();
        Response booked = book(c.client(client), client, "2030-01-14T10:00:00Z");
        String id = booked.path("id");
        deliver("evt_" + id, "payment_intent.succeeded", intent, booked.path("payment.paymentId"), "succeeded").then().statusCode(204);
        c.as(c.client(client)).body(Map.of("reason", "Plans changed")).post("/api/v1/bookings/" + id + "/cancel").then()
                .statusCode(200).body("payment.status", org.hamcrest.Matchers.equalTo("REFUNDED"))
                .body("payment.decisions[1].rule", org.hamcrest.Matchers.equalTo("cancelled-in-time-full-refund"));
        assertThat(Events.await(probe, "DepositRefunded", id).get("data").get("reason").asText()).isEqualTo("CANCELLED_IN_TIME");
    }

    @Test
    void aNoShowForfeitsTheDeposit() {
        policy(fixed(5000, "EVERYONE"), 30, null);
        String[] paid = paidBooking(feeder.registered(c.id));
        CLOCK.set(Instant.parse(SLOT).plus(Duration.ofMinutes(20)));
        c.as(c.staff()).post("/api/v1/bookings/" + paid[0] + "/no-show").then().statusCode(200)
                .body("payment.status", org.hamcrest.Matchers.equalTo("FORFEITED"))
                .body("payment.decisions[1].rule", org.hamcrest.Matchers.equalTo("no-show-forfeit-deposit"));
        JsonNode fee = Events.await(probe, "FeeCharged", paid[0]).get("data");
        assertThat(fee.get("reason").asText()).isEqualTo("NO_SHOW");
        assertThat(stripe.find(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(paid[2])))).isEmpty();
    }

    @Test
    void eventsOutOfOrderNeverMoveAPaymentBackAndASuccessAfterExpiryIsRefunded() {
        policy(fixed(5000, "EVERYONE"), 10, null);
        String[] paid = paidBooking(feeder.registered(c.id));
        deliver("evt_processing_" + paid[0], "payment_intent.processing", paid[2], paid[1], "processing").then().statusCode(204);
        deliver("evt_failed_" + paid[0], "payment_intent.payment_failed", paid[2], paid[1], "requires_payment_method").then().statusCode(204);
        booking(paid[0]).then().body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("PAID"));

        // paid only after the booking's time to pay ran out (and the sweeper freed its time): refunded in full
        String intent = stubIntent();
        Response late = book(c.staff(), feeder.registered(c.id), "2030-01-09T10:00:00Z");
        String id = late.path("id");
        String paymentId = late.path("payment.paymentId");
        CLOCK.set(NOW.plus(Duration.ofMinutes(11)));
        assertThat(sweeper.expireRunOutHolds()).isGreaterThanOrEqualTo(1);
        deliver("evt_late_" + id, "payment_intent.succeeded", intent, paymentId, "succeeded").then().statusCode(204);
        booking(id).then().body("status", org.hamcrest.Matchers.equalTo("EXPIRED"))
                .body("payment.status", org.hamcrest.Matchers.equalTo("REFUNDED"))
                .body("payment.decisions.rule", org.hamcrest.Matchers.hasItem("paid-after-expiry-full-refund"));
        assertThat(Events.await(probe, "DepositRefunded", id).get("data").get("reason").asText()).isEqualTo("PAID_AFTER_EXPIRY");
        assertThat(published("BookingConfirmed", id)).isZero();
    }

    @Test
    void aProviderErrorIsRetriedWithTheSameIdempotencyKeyAndAnOutageReleasesTheBooking() {
        policy(fixed(5000, "EVERYONE"), 30, null);
        String intentId = "pi_retry_" + c.id.toString().substring(0, 8);
        String scenario = "retry-" + c.id;
        stripe.register(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(c.id.toString()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}"))
                .willSetStateTo("recovered"));
        stripe.register(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(c.id.toString()))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(okJson(intent(intentId, "requires_payment_method"))));
        Response booked = book(c.staff(), feeder.registered(c.id), SLOT);
        booked.then().statusCode(201).body("payment.clientSecret", org.hamcrest.Matchers.equalTo(intentId + "_secret_test"));
        List<LoggedRequest> tries = stripe.find(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(containing(c.id.toString())));
        assertThat(tries).hasSize(2);
        assertThat(tries.get(0).getHeader("Idempotency-Key")).isEqualTo("stipple-intent-" + booked.path("payment.paymentId"))
                .isEqualTo(tries.get(1).getHeader("Idempotency-Key"));

        // Stripe down for good: 503, and the time is free again at once
        stripe.register(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(c.id.toString()))
                .atPriority(1).willReturn(aResponse().withStatus(503).withBody("{}")));
        String other = "2030-01-09T10:00:00Z";
        book(c.staff(), feeder.registered(c.id), other).then().statusCode(503).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "payment-provider-unavailable"));
        c.as(c.staff()).get("/api/v1/bookings?status=RELEASED").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].payment.status", org.hamcrest.Matchers.equalTo("CANCELLED"));
        policy(null, null, null);
        book(c.staff(), feeder.registered(c.id), other).then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
    }

    @Test
    void clientsWithNoShowsInTheWindowAreAskedForADeposit() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("kind", "PERCENT");
        history.put("percent", 20);
        history.put("appliesTo", "NO_SHOW_HISTORY");
        history.put("noShowCount", 2);
        history.put("noShowMonths", 12);
        UUID twice = feeder.registered(c.id);
        UUID once = feeder.registered(c.id);
        policy(history, 30, null);
        // no-shows today (nobody with fewer than two is asked, so these are booked without a deposit)
        List<String> missed = List.of(
                book(c.staff(), twice, "2030-01-07T09:00:00Z").then().statusCode(201).body("payment", nullValue()).extract().path("id"),
                book(c.staff(), twice, "2030-01-07T11:00:00Z").then().statusCode(201).extract().path("id"),
                book(c.staff(), once, "2030-01-07T13:00:00Z").then().statusCode(201).extract().path("id"));
        CLOCK.set(Instant.parse("2030-01-07T16:00:00Z"));
        for (String id : missed) {
            c.as(c.staff()).post("/api/v1/bookings/" + id + "/no-show").then().statusCode(200).body("payment", nullValue());
        }
        stubIntent();
        book(c.staff(), twice, "2030-01-09T10:00:00Z").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING_PAYMENT"))
                .body("payment.amount.amountMinor", org.hamcrest.Matchers.equalTo(45000 * 20 / 100));
        book(c.staff(), once, "2030-01-09T13:00:00Z").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED")).body("payment", nullValue());
    }

    @Test
    void aPartnerSeesOnlyTheDepositsOfClientsSharedWithIt() {
        policy(fixed(5000, "EVERYONE"), 30, null);
        UUID shared = feeder.registered(c.id);
        UUID notShared = feeder.registered(c.id);
        feeder.shareWithPartner(c.id, shared, "partner-pay");
        String partner = c.partner("partner-pay");
        stubIntent();
        String hidden = book(c.staff(), notShared, SLOT).then().statusCode(201).extract().path("id");
        c.as(partner).get("/api/v1/bookings/" + hidden).then().statusCode(404);
        c.as(c.client(shared)).get("/api/v1/bookings/" + hidden).then().statusCode(404);
        c.as(c.client(notShared)).get("/api/v1/bookings/" + hidden).then().statusCode(200)
                .body("payment.clientSecret", startsWith("pi_"));
        c.as(partner).get("/api/v1/bookings").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aPolicyIsCheckedWhenItIsSet() {
        Map<String, Object> noPercent = new LinkedHashMap<>();
        noPercent.put("kind", "PERCENT");
        String etag = c.as(c.admin()).get("/api/v1/clinics/" + c.id).then().extract().header("ETag");
        Map<String, Object> body = TestClinic.clinicBody(c.zone, TestClinic.week("09:00", "18:00"));
        body.put("depositPolicy", noPercent);
        c.as(c.admin()).header("If-Match", etag).body(body).put("/api/v1/clinics/" + c.id).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + "validation-failed"));
        body.put("depositPolicy", fixed(5000, "EVERYONE"));
        body.put("cancellationFees", Map.of("lateCancellation", "FEE"));
        c.as(c.admin()).header("If-Match", etag).body(body).put("/api/v1/clinics/" + c.id).then().statusCode(400);
        body.put("cancellationFees", null);
        body.put("paymentMinutes", 2);
        c.as(c.admin()).header("If-Match", etag).body(body).put("/api/v1/clinics/" + c.id).then().statusCode(400);
        // a treatment's own policy in another currency than its price
        Map<String, Object> treatment = new LinkedHashMap<>();
        treatment.put("kind", "CONSULTATION");
        treatment.put("name", "Paid consultation");
        treatment.put("baseDurationMinutes", 30);
        treatment.put("bufferMinutes", 0);
        treatment.put("price", Map.of("amountMinor", 5000, "currency", "GBP"));
        Map<String, Object> euros = fixed(1000, "EVERYONE");
        euros.put("amount", Map.of("amountMinor", 1000, "currency", "EUR"));
        treatment.put("depositPolicy", euros);
        c.as(c.admin()).body(treatment).post("/api/v1/treatments").then().statusCode(400);
        treatment.put("depositPolicy", fixed(1000, "EVERYONE"));
        c.as(c.admin()).body(treatment).post("/api/v1/treatments").then().statusCode(201)
                .body("depositPolicy.kind", org.hamcrest.Matchers.equalTo("FIXED"))
                .body("depositPolicy.amount.amountMinor", org.hamcrest.Matchers.equalTo(1000));
    }
}
