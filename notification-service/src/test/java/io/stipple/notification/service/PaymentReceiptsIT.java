package io.stipple.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.domain.WebhookDelivery;
import io.stipple.testinfra.MutableClock;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Payment receipts (issue 14 point 4): booking-service's DepositPaid, DepositRefunded and FeeCharged each send the
 * client a receipt at once — the clinic, the treatment, the appointment in the clinic's local time, the amount in the
 * currency's own decimals, and for refunds and fees the reason in words. A replayed event sends once, an erased client
 * gets nothing, a client not known yet is waited for, an event off contract is dead-lettered, and a partner's webhook
 * gets a payment only of a client sharing with it. The events are built here in the contract's shape (booking AsyncAPI
 * 1.3.0); the clients are the documented ClientRegistered example (locale en-GB).
 */
@QuarkusTest
class PaymentReceiptsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * A payment event of the contract's shape: for {@code clinicZone}'s clinic, an SMP session at 15:00Z on 12 March
     * 2027, {@code amountMinor} of {@code currency}; {@code more} adds the event's own fields.
     */
    private ObjectNode payment(String name, UUID clientId, UUID paymentId, String clinicZone, long amountMinor,
                               String currency, Map<String, Object> more) {
        Map<String, Object> data = data("paymentId", paymentId, "bookingId", UUID.randomUUID(),
                "clinicName", "Stipple " + clinicZone.substring(clinicZone.indexOf('/') + 1), "clinicTimeZone", clinicZone,
                "treatmentName", "SMP session", "startsAt", "2027-03-12T15:00:00Z",
                "amount", data("amountMinor", amountMinor, "currency", currency));
        data.putAll(more);
        return Events.publishBookingEvent(name, clinicId, clientId, NOW, data);
    }

    private static List<ScheduledReminder> receipts(UUID clientId) {
        return Db.remindersOfClient(clientId).stream().filter(r -> r.type.isReceipt()).toList();
    }

    private static boolean applied(ObjectNode event) {
        return Db.count("select count(*) from inbox_event where event_id = ?1", UUID.fromString(event.get("id").asText())) == 1;
    }

    /** A client the clinic knows by e-mail only; the clock at 10:00 UTC on 10 March 2027. Returns the address. */
    private String registered(UUID client) {
        String email = "receipt-" + client + "@example.com";
        Events.registerClient(clinicId, client, "Robin", email, "EMAIL");
        clock.set(NOW);
        return email;
    }

    private void drain() {
        while (dispatcher.runOnce() > 0) {
            // drain
        }
    }

    private static MimeMessage onlyMail(String email) {
        List<MimeMessage> mails = Mails.to(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    @Test
    void a_deposit_paid_is_emailed_at_once_with_the_amount_and_the_clinic_local_time() {
        UUID client = UUID.randomUUID();
        String email = registered(client);
        UUID paymentId = UUID.randomUUID();
        ObjectNode event = payment("DepositPaid", client, paymentId, "Europe/London", 4500, "GBP",
                data("paidAt", "2027-03-10T09:58:00Z", "receiptUrl", "https://pay.example/r/1")); // a field added later: ignored
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(client).size() == 1);
        ScheduledReminder planned = receipts(client).get(0);
        assertThat(planned.type).isEqualTo(ReminderType.DEPOSIT_RECEIPT);
        assertThat(planned.status).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(planned.dueAt).isEqualTo(NOW);
        assertThat(planned.bookingId.toString()).isEqualTo(event.get("data").get("bookingId").asText());

        drain();

        assertThat(receipts(client).get(0).status).isEqualTo(ReminderStatus.SENT);
        MimeMessage mail = onlyMail(email);
        assertThat(Mails.subject(mail)).isEqualTo("Deposit received: £45.00 for SMP session at Stipple London");
        assertThat(Mails.body(mail)).startsWith("Hello Robin,")
                .contains("Stipple London received your deposit of £45.00 on Wednesday, 10 March 2027, 09:58 GMT.")
                .contains("your SMP session appointment on Friday, 12 March 2027, 15:00 GMT")
                .contains("Payment reference: " + paymentId);
    }

    @Test
    void a_refund_says_why_in_the_clinic_s_currency_and_zone_and_a_replayed_one_sends_once() {
        UUID client = UUID.randomUUID();
        String email = registered(client);
        ObjectNode event = payment("DepositRefunded", client, UUID.randomUUID(), "Asia/Tokyo", 4500, "JPY",
                data("refundedAt", "2027-03-10T09:59:00Z", "reason", "CLINIC_CANCELLED", "rule", "clinic cancellation: full refund"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(client).size() == 1);
        drain();

        // the very same event again (a redelivery), and the same fact under a new event id (a republish)
        Events.send("stipple.bookings", event);
        ObjectNode republished = event.deepCopy();
        republished.put("id", UUID.randomUUID().toString());
        Events.send("stipple.bookings", republished);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(republished));
        drain();

        assertThat(receipts(client)).extracting(r -> r.type + "/" + r.status).containsExactly("REFUND_RECEIPT/SENT");
        MimeMessage mail = onlyMail(email);
        assertThat(Mails.subject(mail)).isEqualTo("Deposit refunded: JP¥4,500 from Stipple Tokyo"); // en-GB writes yen JP¥
        assertThat(Mails.body(mail))
                .contains("Stipple Tokyo refunded JP¥4,500 of your deposit on Wednesday, 10 March 2027, 18:59 JST")
                .contains("appointment on Saturday, 13 March 2027, 00:00 JST") // 15:00Z is past midnight in Tokyo
                .contains("The clinic cancelled the appointment, so your deposit is refunded in full.")
                .doesNotContain("clinic cancellation: full refund");
    }

    @Test
    void fees_say_why_in_words_with_the_currency_s_own_decimals_and_an_unknown_reason_still_sends() {
        UUID client = UUID.randomUUID();
        String email = registered(client);
        payment("FeeCharged", client, UUID.randomUUID(), "Asia/Bahrain", 12500, "BHD",
                data("chargedAt", "2027-03-10T09:00:00Z", "reason", "NO_SHOW", "rule", "no-show fee"));
        payment("DepositRefunded", client, UUID.randomUUID(), "Europe/Berlin", 2550, "EUR",
                data("refundedAt", "2027-03-10T09:30:00Z", "reason", "GOODWILL", "rule", "r")); // a reason added later
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(client).size() == 2);
        drain();

        List<MimeMessage> mails = Mails.to(email);
        assertThat(mails).extracting(Mails::subject).containsExactlyInAnyOrder(
                "Fee charged: BHD\u00A012.500 by Stipple Bahrain", "Deposit refunded: €25.50 from Stipple Berlin");
        String fee = Mails.body(mails.stream().filter(m -> Mails.subject(m).startsWith("Fee")).findFirst().orElseThrow());
        assertThat(fee).contains("Stipple Bahrain charged a fee of BHD\u00A012.500 on Wednesday, 10 March 2027, 12:00 AST")
                .contains("The appointment was missed without notice.")
                .contains("appointment on Friday, 12 March 2027, 18:00 AST");
        String refund = Mails.body(mails.stream().filter(m -> Mails.subject(m).startsWith("Deposit")).findFirst().orElseThrow());
        assertThat(refund).contains("The clinic refunded it under its deposit rules.");
    }

    @Test
    void a_payment_of_an_erased_client_sends_nothing_and_reaches_no_webhook() {
        UUID client = Events.knownClient(clinicId, UUID.randomUUID());
        String hook = "/hooks/payments-" + UUID.randomUUID();
        UUID subscription = UUID.fromString(given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl(hook), "eventTypes", List.of("DepositPaid")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().<String>path("id"));
        Events.publish("client-service", "ClientErased", clinicId, client, data("erasedAt", "2027-03-09T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, client).isEmpty()
                && Db.count("select count(*) from erased_client where client_id = ?1", client) == 1);
        clock.set(NOW);

        ObjectNode event = payment("DepositPaid", client, UUID.randomUUID(), "Europe/London", 4500, "GBP",
                data("paidAt", "2027-03-10T09:58:00Z"));
        // applied (not held for the client: an erased one is not waited for), with no receipt and no delivery
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(event));
        drain();
        assertThat(Db.remindersOfClient(client)).isEmpty();
        assertThat(Db.deliveriesOf(subscription)).isEmpty();
        assertThat(Mails.to("client-" + client + "@example.com")).isEmpty();
    }

    @Test
    void a_receipt_for_a_client_not_known_yet_waits_for_the_client_shows_in_the_export_and_is_erased_with_the_client() {
        clock.set(NOW);
        UUID client = UUID.randomUUID();
        payment("FeeCharged", client, UUID.randomUUID(), "Europe/London", 2500, "GBP",
                data("chargedAt", "2027-03-10T09:00:00Z", "reason", "LATE_CANCELLATION", "rule", "inside 48 h"));
        // held back (unknown-client hold), applied once the client is known
        String email = "receipt-held-" + client + "@example.com";
        Events.registerClient(clinicId, client, "Ari", email, "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(client).size() == 1);
        drain();
        assertThat(Mails.body(onlyMail(email))).contains("charged a fee of £25.00")
                .contains("The appointment was cancelled later than the clinic's notice period allows.");

        // GDPR: the receipt is one of the client's messages in the export...
        given().auth().oauth2(Tokens.client(clinicId, client)).get("/api/v1/notifications/client-exports/" + client)
                .then().statusCode(200)
                .body("reminders[0].entry.type", equalTo("FEE_RECEIPT"))
                .body("reminders[0].entry.status", equalTo("SENT"))
                .body("reminders[0].recipient", equalTo(email))
                .body("reminders[0].content.amountMinor", equalTo(2500))
                .body("reminders[0].content.currency", equalTo("GBP"));
        // ...and is anonymised with the client like every message
        UUID receiptId = receipts(client).get(0).id;
        Events.publish("client-service", "ClientErased", clinicId, client, data("erasedAt", "2027-03-10T11:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfClient(client).isEmpty());
        assertThat(Db.text("select payload::text from scheduled_reminder where id = ?1", receiptId)).isEqualTo("{}");
        assertThat(Db.text("select recipient from scheduled_reminder where id = ?1", receiptId)).isNull();
    }

    @Test
    void a_payment_event_off_contract_is_dead_lettered_with_the_reason() {
        UUID client = UUID.randomUUID();
        registered(client);
        try (TopicProbe probe = new TopicProbe(StippleInfra.get().kafka().bootstrapServers(),
                "stipple.dlq.notification-service")) {
            payment("DepositPaid", client, UUID.randomUUID(), "Europe/London", 4500, "pounds",
                    data("paidAt", "2027-03-10T09:58:00Z"));
            var dead = probe.awaitRecords(r -> client.toString().equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason"))
                    .contains("DepositPaid amount.currency: not an ISO 4217 currency code: pounds");
        }
        assertThat(receipts(client)).isEmpty();
    }

    @Test
    void a_partner_s_webhook_gets_a_payment_only_of_a_client_sharing_with_it_and_without_the_rule_text() throws Exception {
        String partner = "pay-" + UUID.randomUUID().toString().substring(0, 8);
        Events.partner(clinicId, partner, "ACTIVE");
        UUID sharing = Events.knownClient(clinicId, UUID.randomUUID());
        UUID other = Events.knownClient(clinicId, UUID.randomUUID());
        Events.partnerSharing(clinicId, sharing, partner, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.sharesWith(clinicId, sharing, partner));
        UUID subscription = UUID.fromString(given().auth().oauth2(Tokens.partner(clinicId, partner)).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/fees-" + partner),
                        "eventTypes", List.of("FeeCharged", "DepositRefunded")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().<String>path("id"));
        clock.set(NOW);

        UUID paymentId = UUID.randomUUID();
        ObjectNode shared = payment("FeeCharged", sharing, paymentId, "Europe/London", 2500, "GBP",
                data("chargedAt", "2027-03-10T09:00:00Z", "reason", "NO_SHOW", "rule", "no-show: £25 (owner's note)"));
        ObjectNode notShared = payment("FeeCharged", other, UUID.randomUUID(), "Europe/London", 2500, "GBP",
                data("chargedAt", "2027-03-10T09:00:00Z", "reason", "NO_SHOW", "rule", "r"));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(shared) && applied(notShared));

        List<WebhookDelivery> deliveries = Db.deliveriesOf(subscription);
        assertThat(deliveries).extracting(d -> d.clientId).containsExactly(sharing);
        JsonNode data = JSON.readTree(deliveries.get(0).payload).get("data");
        assertThat(data.get("paymentId").asText()).isEqualTo(paymentId.toString());
        assertThat(data.get("amount").get("amountMinor").asLong()).isEqualTo(2500);
        assertThat(data.get("reason").asText()).isEqualTo("NO_SHOW");
        assertThat(data.has("rule")).isFalse();

        given().auth().oauth2(Tokens.partner(clinicId, partner)).get("/api/v1/webhooks/event-types")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.hasItems("DepositPaid", "DepositRefunded", "FeeCharged"));
        // a receipt is about a payment: no booking preview renders it
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("bookingId", UUID.randomUUID()).queryParam("type", "FEE_RECEIPT")
                .get("/api/v1/notifications/preview")
                .then().statusCode(400).body("type", equalTo("https://stipple.io/problems/validation-failed"));
    }
}
