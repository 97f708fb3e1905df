package io.stipple.notification.service;

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
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
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
 * Waitlist offers (issue 13 point 5): booking-service's WaitlistOffered is sent to the client at once, with what is
 * offered in the clinic's local time, until when, and the accept link; it is never sent once the offer is over.
 * The events are built here in the contract's shape (booking-service documents them in its AsyncAPI).
 */
@QuarkusTest
class WaitlistOfferIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    /** A booking-service event of the contract's shape on stipple.bookings (key and subject: the client). */
    private ObjectNode publish(String name, UUID clientId, Map<String, Object> data) {
        return Events.publishBookingEvent(name, clinicId, clientId, Instant.now(clock), data);
    }

    /** WaitlistOffered for a Berlin clinic: a 15:00Z (16:00 CET) session on 12 March 2027, offered until {@code expires}. */
    private UUID offer(UUID clientId, Instant expires, String mode, UUID bookingId) {
        UUID offerId = UUID.randomUUID();
        publish("WaitlistOffered", clientId, data("offerId", offerId, "entryId", UUID.randomUUID(),
                "clinicName", "Stipple Berlin", "clinicTimeZone", "Europe/Berlin",
                "treatmentId", UUID.randomUUID(), "treatmentName", "SMP session",
                "technicianId", UUID.randomUUID(), "technicianName", "Alex Morgan",
                "startsAt", "2027-03-12T15:00:00Z", "endsAt", "2027-03-12T18:00:00Z",
                "offerExpiresAt", expires.toString(), "mode", mode, "bookingId", bookingId));
        return offerId;
    }

    private static List<ScheduledReminder> offers(UUID clientId) {
        return Db.remindersOfClient(clientId).stream().filter(r -> r.type == ReminderType.WAITLIST_OFFER).toList();
    }

    /** A client the clinic knows (by e-mail), at 09:00 UTC on 10 March 2027; returns the client's address. */
    private String registered(UUID client, String firstName) {
        String email = "offer-" + client + "@example.com";
        Events.registerClient(clinicId, client, firstName, email, "EMAIL");
        clock.set(Instant.parse("2027-03-10T09:00:00Z"));
        return email;
    }

    private void drain() {
        while (dispatcher.runOnce() > 0) {
            // drain
        }
    }

    @Test
    void an_offer_is_emailed_at_once_with_the_accept_link_and_the_clinic_local_time() {
        UUID client = UUID.randomUUID();
        String email = registered(client, "Robin");
        UUID hold = UUID.randomUUID();
        UUID offerId = offer(client, Instant.parse("2027-03-10T11:00:00Z"), "FIRST_IN_LINE", hold);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).size() == 1);
        ScheduledReminder planned = offers(client).get(0);
        assertThat(planned.status).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(planned.dueAt).isEqualTo(Instant.parse("2027-03-10T09:00:00Z"));
        assertThat(planned.bookingId).isEqualTo(hold);

        drain();

        assertThat(offers(client).get(0).status).isEqualTo(ReminderStatus.SENT);
        List<MimeMessage> mails = Mails.to(email);
        assertThat(mails).hasSize(1);
        assertThat(Mails.subject(mails.get(0))).isEqualTo("A place is free at Stipple Berlin: SMP session on Friday, 12 March 2027, 16:00 CET");
        String body = Mails.body(mails.get(0));
        assertThat(body).startsWith("Hello Robin,")
                .contains("SMP session on Friday, 12 March 2027, 16:00 CET with Alex Morgan") // Berlin time, not 15:00 UTC
                .contains("held for you until Wednesday, 10 March 2027, 12:00 CET")
                .contains("https://app.example/waitlist/offers/" + offerId)
                .doesNotContain("offered to others");
    }

    @Test
    void an_offer_to_all_says_the_first_to_accept_gets_it() {
        UUID client = UUID.randomUUID();
        String email = registered(client, "Kim");
        UUID offerId = offer(client, Instant.parse("2027-03-10T10:00:00Z"), "OFFER_TO_ALL", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).size() == 1);
        drain();
        assertThat(Mails.to(email)).singleElement().extracting(Mails::body).asString()
                .contains("offered to others on the waiting list too: the first to accept gets it")
                .contains("https://app.example/waitlist/offers/" + offerId);
    }

    @Test
    void an_expired_offer_s_pending_message_is_cancelled_and_never_sent() {
        UUID client = UUID.randomUUID();
        String email = registered(client, "Jo");
        UUID offerId = offer(client, Instant.parse("2027-03-10T09:30:00Z"), "FIRST_IN_LINE", null);
        // a second offer to the same client stays untouched by the first one's expiry
        UUID other = offer(client, Instant.parse("2027-03-10T12:00:00Z"), "FIRST_IN_LINE", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).size() == 2);

        publish("WaitlistOfferExpired", client, data("offerId", offerId, "entryId", UUID.randomUUID(),
                "startsAt", "2027-03-12T15:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).stream().anyMatch(r -> r.status == ReminderStatus.CANCELLED));
        assertThat(offers(client)).extracting(r -> r.dedupeKey.split("\\|")[1] + "/" + r.status + "/" + r.statusReason)
                .containsExactlyInAnyOrder(offerId + "/CANCELLED/OFFER_EXPIRED", other + "/SCHEDULED/null");

        drain();
        assertThat(Mails.to(email)).singleElement().extracting(Mails::body).asString()
                .contains("https://app.example/waitlist/offers/" + other)
                .doesNotContain(offerId.toString());
    }

    @Test
    void an_offer_the_dispatcher_reaches_after_its_expiry_is_suppressed_not_sent() {
        UUID client = UUID.randomUUID();
        String email = registered(client, "Lee");
        offer(client, Instant.parse("2027-03-10T09:30:00Z"), "FIRST_IN_LINE", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).size() == 1);

        clock.set(Instant.parse("2027-03-10T09:30:00Z")); // e.g. a backlog after an outage
        drain();
        assertThat(offers(client)).extracting(r -> r.status + "/" + r.statusReason).containsExactly("SUPPRESSED/OFFER_EXPIRED");
        assertThat(Mails.to(email)).isEmpty();

        // an offer whose event arrives only after it expired is logged, never sent
        offer(client, Instant.parse("2027-03-10T09:15:00Z"), "FIRST_IN_LINE", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).size() == 2);
        drain();
        assertThat(offers(client)).extracting(r -> r.status + "/" + r.statusReason).containsOnly("SUPPRESSED/OFFER_EXPIRED");
        assertThat(Mails.to(email)).isEmpty();
    }

    @Test
    void an_offer_for_a_client_not_known_yet_waits_for_the_client_and_is_no_webhook_event() {
        clock.set(Instant.parse("2027-03-10T09:00:00Z"));
        UUID client = UUID.randomUUID();
        offer(client, Instant.parse("2027-03-10T11:00:00Z"), "FIRST_IN_LINE", null);
        // held back (unknown-client hold), applied once the client is known
        Events.registerClient(clinicId, client, "Ari", "offer-held-" + client + "@example.com", "EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(client).size() == 1);
        assertThat(offers(client).get(0).status).isEqualTo(ReminderStatus.SCHEDULED);

        // a personal offer: no webhook subscription can choose it
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/offers"), "eventTypes", List.of("WaitlistOffered")))
                .post("/api/v1/webhooks")
                .then().statusCode(400).body("type", equalTo("https://stipple.io/problems/validation-failed"))
                .body("violations[0].field", equalTo("eventTypes[0]"));
    }
}
