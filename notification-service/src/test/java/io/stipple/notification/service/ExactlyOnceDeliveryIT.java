package io.stipple.notification.service;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.SmtpSwitch;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.notification.repository.ReminderRepository;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Reminders exactly once as the recipient sees them: a send whose fate is unknown is not repeated on a channel that
 * does not deduplicate (email) and is repeated, with the same key, on one that does (SMS); the attempt is on record
 * before the message leaves; a silent SMTP server ends a send within the read timeout instead of hanging it; quiet
 * hours are the recipient's and are checked again when sending.
 */
@QuarkusTest
class ExactlyOnceDeliveryIT {

    /** %test read timeout of SMTP sessions (application.properties). */
    private static final Duration SMTP_READ_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    private final UUID clinicId = UUID.randomUUID();

    @Test
    void an_smtp_server_that_never_answers_the_end_of_data_leaves_the_email_uncertain_within_the_read_timeout_and_it_is_never_resent() {
        UUID client = UUID.randomUUID();
        String email = "silent-" + client + "@example.com";
        Instant due = Instant.parse("2031-04-02T10:00:00Z");
        contact(client, email, null, "Europe/London");
        UUID reminder = reminder(client, Channel.EMAIL, due);
        drainUntil(due.minusSeconds(1)); // nobody else's due reminder goes into the silent server

        SmtpSwitch smtp = ChannelsTestResource.smtpSwitch();
        int swallowedBefore = smtp.swallowed();
        smtp.goSilent();
        long started = System.nanoTime();
        try {
            clock.set(due.plusSeconds(1));
            assertThat(dispatcher.runOnce()).isEqualTo(1);
        } finally {
            smtp.pass();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the server got the whole message and never said whether it took it: ended by the read timeout, not a hang
        assertThat(smtp.swallowed() - swallowedBefore).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(SMTP_READ_TIMEOUT.minusMillis(500)).isLessThan(SMTP_READ_TIMEOUT.plusSeconds(10));
        ScheduledReminder uncertain = row(reminder);
        assertThat(uncertain.status).isEqualTo(ReminderStatus.UNCERTAIN);
        assertThat(uncertain.statusReason).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(uncertain.attempts).isEqualTo(1);
        assertThat(uncertain.recipient).isEqualTo(email);
        assertThat(uncertain.lastError).contains("closed");

        // the SMTP server is back; time goes on: the email is not sent again (the recipient may already have it)
        for (Duration later : List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1))) {
            clock.set(due.plus(later));
            while (dispatcher.runOnce() > 0) {
                // drain
            }
        }
        assertThat(row(reminder).status).isEqualTo(ReminderStatus.UNCERTAIN);
        assertThat(row(reminder).attempts).isEqualTo(1);
        assertThat(Mails.to(email)).isEmpty();
        assertThat(smtp.swallowed() - swallowedBefore).isEqualTo(1);

        // staff see it in the delivery log, and the metric counts it
        given().auth().oauth2(Tokens.staff(clinicId)).queryParam("clientId", client.toString()).queryParam("status", "UNCERTAIN")
                .get("/api/v1/notifications")
                .then().statusCode(200).body("totalItems", is(1))
                .body("items[0].id", is(reminder.toString()))
                .body("items[0].reason", is("OUTCOME_UNKNOWN"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("notification_reminders_total\\{[^}]*channel=\"EMAIL\"[^}]*status=\"UNCERTAIN\"[^}]*} [1-9]");

        // the client says it never arrived: staff send it again, once; it cannot be resolved twice
        given().auth().oauth2(Tokens.client(clinicId, client)).contentType("application/json")
                .body("{\"outcome\":\"RESEND\"}").post("/api/v1/notifications/" + reminder + "/resolution")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.staff(clinicId)).contentType("application/json").body("{\"outcome\":\"RESEND\"}")
                .post("/api/v1/notifications/" + reminder + "/resolution")
                .then().statusCode(200).body("status", is("SCHEDULED")).body("reason", is("RESEND_BY_STAFF"));
        given().auth().oauth2(Tokens.staff(clinicId)).contentType("application/json").body("{\"outcome\":\"RESEND\"}")
                .post("/api/v1/notifications/" + reminder + "/resolution")
                .then().statusCode(409).body("type", is("https://stipple.io/problems/not-uncertain"));
        given().auth().oauth2(Tokens.staff(UUID.randomUUID())).contentType("application/json").body("{\"outcome\":\"RESEND\"}")
                .post("/api/v1/notifications/" + reminder + "/resolution")
                .then().statusCode(404);
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(row(reminder).status).isEqualTo(ReminderStatus.SENT);
        assertThat(Mails.to(email)).hasSize(1);
    }

    @Test
    void a_dispatcher_that_died_after_handing_an_email_over_leaves_it_uncertain_one_that_died_before_lets_it_go_once() {
        UUID client = UUID.randomUUID();
        String email = "crashed-" + client + "@example.com";
        Instant due = Instant.parse("2031-05-03T10:00:00Z");
        contact(client, email, null, "Europe/London");
        UUID handedOver = reminder(client, Channel.EMAIL, due);
        UUID onlyClaimed = reminder(client, Channel.EMAIL, due);
        drainUntil(due.minusSeconds(1));

        // a dispatcher claims both, records that it hands the first to SMTP, and dies (SIGKILL: no outcome written)
        clock.set(due.plusSeconds(1));
        List<ReminderRepository.Claimed> claimed = Tenancy.acrossClinics("test: a dispatcher that dies",
                () -> dispatcher.claim(Instant.now(clock), 1000, "d-killed"));
        assertThat(claimed).extracting(ReminderRepository.Claimed::id).contains(handedOver, onlyClaimed);
        Tenancy.acrossClinics("test: a dispatcher that dies", () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update scheduled_reminder set attempt_started_at = ?1 where id = ?2")
                        .setParameter(1, due.plusSeconds(1)).setParameter(2, handedOver).executeUpdate()));

        // within the lease nothing happens; after it, the claims are taken back
        clock.set(due.plusSeconds(60));
        dispatcher.runOnce();
        assertThat(row(handedOver).status).isEqualTo(ReminderStatus.SENDING);
        clock.set(due.plus(Duration.ofMinutes(3)));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder uncertain = row(handedOver);
        assertThat(uncertain.status).isEqualTo(ReminderStatus.UNCERTAIN);
        assertThat(uncertain.statusReason).isEqualTo("DISPATCHER_LOST_MID_SEND");
        ScheduledReminder sent = row(onlyClaimed);
        assertThat(sent.status).isEqualTo(ReminderStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2); // the lost claim counted, then the real attempt
        assertThat(Mails.to(email)).hasSize(1);
        assertThat(Mails.header(Mails.to(email).get(0), "X-Stipple-Reminder-Id")).isEqualTo(onlyClaimed.toString());

        // the client confirms the first one arrived after all: staff record it as delivered; it is never sent again
        given().auth().oauth2(Tokens.staff(clinicId)).contentType("application/json").body("{\"outcome\":\"DELIVERED\"}")
                .post("/api/v1/notifications/" + handedOver + "/resolution")
                .then().statusCode(200).body("status", is("SENT")).body("reason", is("CONFIRMED_BY_STAFF"));
        clock.set(due.plus(Duration.ofDays(1)));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(Mails.to(email)).hasSize(1);
        given().auth().oauth2(Tokens.staff(clinicId)).contentType("application/json").body("{\"outcome\":\"SOMETIMES\"}")
                .post("/api/v1/notifications/" + onlyClaimed + "/resolution")
                .then().statusCode(400);
    }

    @Test
    void a_dispatcher_whose_lease_ran_out_before_it_handed_the_email_over_does_not_send_it_the_one_that_took_it_over_does_once() {
        UUID client = UUID.randomUUID();
        String email = "paused-" + client + "@example.com";
        Instant due = Instant.parse("2031-05-04T10:00:00Z");
        contact(client, email, null, "Europe/London");
        UUID reminder = reminder(client, Channel.EMAIL, due);
        drainUntil(due.minusSeconds(1));

        // one replica claims it and pauses before the hand-over (a long GC pause, or a clock behind the other's) ...
        clock.set(due.plusSeconds(1));
        Instant claimedAt = Instant.now(clock);
        List<ReminderRepository.Claimed> claimed = Tenancy.acrossClinics("test: a paused dispatcher",
                () -> dispatcher.claim(claimedAt, 1000, "d-paused"));
        assertThat(claimed).extracting(ReminderRepository.Claimed::id).contains(reminder);

        // ... past its lease: another replica releases the claim, claims the reminder and sends it
        clock.set(due.plus(Duration.ofMinutes(3)));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(row(reminder).status).isEqualTo(ReminderStatus.SENT);
        assertThat(Mails.to(email)).hasSize(1);

        // the paused one goes on with what it claimed: the claim no longer holds, so nothing leaves and nothing changes
        dispatcher.finishRound(claimed, "d-paused", claimedAt);
        assertThat(Mails.to(email)).hasSize(1);
        ScheduledReminder sent = row(reminder);
        assertThat(sent.status).isEqualTo(ReminderStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2); // the lost claim counted, then the real attempt
    }

    @Test
    void sms_whose_answer_was_lost_is_sent_again_with_the_same_idempotency_key_and_the_provider_keeps_one() {
        UUID client = UUID.randomUUID();
        String phone = "+4477008" + (100_000 + (int) (Math.random() * 800_000));
        Instant due = Instant.parse("2031-06-04T11:00:00Z"); // noon in London: no quiet hours
        contact(client, "sms-" + client + "@example.com", phone, "Europe/London");
        UUID reminder = reminder(client, Channel.SMS, due);
        String key = EmailSender.sha256(row(reminder).dedupeKey);

        // the provider takes the first request and the connection breaks before its answer; the second, with the same
        // Idempotency-Key, is answered; a request without that key matches nothing here (404: the test would fail)
        WireMock wireMock = ChannelsTestResource.wireMock();
        String scenario = "lost-answer-" + reminder;
        wireMock.register(post(urlEqualTo("/sms/messages")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(key)).withRequestBody(matchingJsonPath("$.reference", equalTo(reminder.toString())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("taken"));
        wireMock.register(post(urlEqualTo("/sms/messages")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(key)).withRequestBody(matchingJsonPath("$.reference", equalTo(reminder.toString())))
                .inScenario(scenario).whenScenarioStateIs("taken")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"sms-kept-once\",\"duplicate\":true}")));

        clock.set(due.plusSeconds(1));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder retried = row(reminder);
        assertThat(retried.status).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(retried.attempts).isEqualTo(1);
        assertThat(retried.nextAttemptAt).isEqualTo(due.plusSeconds(31)); // the 30 s backoff

        clock.set(due.plusSeconds(40));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder sent = row(reminder);
        assertThat(sent.status).isEqualTo(ReminderStatus.SENT);
        assertThat(sent.providerMessageId).isEqualTo("sms-kept-once");
        List<LoggedRequest> requests = wireMock.find(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(reminder.toString()))));
        assertThat(requests).hasSize(2).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key);
    }

    @Test
    void a_backlog_found_at_night_waits_for_the_end_of_the_recipients_quiet_hours_in_their_zone() {
        UUID client = UUID.randomUUID();
        String phone = "+4477007" + (100_000 + (int) (Math.random() * 800_000));
        // due at 18:00 London / 13:00 New York; the dispatcher was down until 03:00Z = 22:00 in New York
        Instant due = Instant.parse("2031-03-04T18:00:00Z");
        contact(client, "night-" + client + "@example.com", phone, "America/New_York");
        UUID reminder = reminder(client, Channel.SMS, due);
        String key = EmailSender.sha256(row(reminder).dedupeKey);
        ChannelsTestResource.wireMock().register(post(urlEqualTo("/sms/messages")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(key)).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"sms-morning\"}")));

        clock.set(Instant.parse("2031-03-05T03:00:00Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder held = row(reminder);
        assertThat(held.status).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(held.statusReason).isEqualTo("QUIET_HOURS");
        // 08:00 in New York (EST), not 08:00 in London
        assertThat(held.nextAttemptAt).isEqualTo(Instant.parse("2031-03-05T13:00:00Z"));
        assertThat(held.attempts).isZero(); // held back before any attempt

        clock.set(Instant.parse("2031-03-05T12:59:00Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(ChannelsTestResource.wireMock().find(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone))))).isEmpty();

        clock.set(Instant.parse("2031-03-05T13:00:05Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder sent = row(reminder);
        assertThat(sent.status).isEqualTo(ReminderStatus.SENT);
        assertThat(sent.statusReason).isNull();
        assertThat(sent.attempts).isEqualTo(1);
        assertThat(ChannelsTestResource.wireMock().find(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone))))).hasSize(1);
    }

    @Test
    void appointment_reminders_keep_out_of_the_quiet_hours_of_the_recipients_zone_not_the_clinics() {
        UUID client = UUID.randomUUID();
        String phone = "+4477006" + (100_000 + (int) (Math.random() * 800_000));
        Events.publish("client-service", "ClientRegistered", clinicId, client, data(
                "firstName", "Noor", "phone", phone, "preferredChannels", List.of("SMS"), "timeZone", "America/New_York",
                "email", "zone-" + client + "@example.com"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, client).isPresent());
        assertThat(Db.contact(clinicId, client).orElseThrow().timeZone).isEqualTo("America/New_York");
        clock.set(Instant.parse("2031-03-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        // the London clinic's 10:00 GMT appointment (before either country's clocks change); the 2-hour SMS (08:00Z)
        // is 03:00 in New York
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2031-03-07T10:00:00Z", "endsAt", "2031-03-07T12:00:00Z",
                "clinicTimeZone", "Europe/London"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        assertThat(Db.remindersOfBooking(booking)).extracting(r -> r.dueAt).containsExactly(
                Instant.parse("2031-03-05T13:00:00Z"),  // two days before 10:00 London = 05:00 EST: at 08:00 EST
                Instant.parse("2031-03-07T01:59:00Z")); // 08:00 EST would be after the appointment: 20:59 EST the evening before
        assertThat(Db.remindersOfBooking(booking)).extracting(r -> r.zone).containsOnly("Europe/London"); // shown in clinic time
    }

    // --- helpers

    /** Everything already due before {@code until} is handled first, so a test's own rounds see only its reminders. */
    private void drainUntil(Instant until) {
        clock.set(until);
        while (dispatcher.runOnce() > 0) {
            // drain
        }
    }

    private void contact(UUID client, String email, String phone, String zone) {
        Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into client_contact (client_id, clinic_id, first_name, email, phone, time_zone, preferred_channels, updated_at)
                        values (?1, ?2, 'Robin', ?3, ?4, ?5, 'EMAIL,SMS', now())""")
                .setParameter(1, client).setParameter(2, clinicId).setParameter(3, email).setParameter(4, phone)
                .setParameter(5, zone).executeUpdate()));
    }

    private UUID reminder(UUID client, Channel channel, Instant due) {
        UUID id = UUID.randomUUID();
        Tenancy.asClinic(clinicId, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into scheduled_reminder (id, clinic_id, client_id, type, channel, dedupe_key, status, due_at,
                            next_attempt_at, zone, payload, created_at, updated_at)
                        values (?1, ?2, ?3, 'HEALED', ?4, ?5, 'SCHEDULED', ?6, ?6, 'Europe/London',
                            '{"clinicName":"Exactly Once Clinic","day":7}'::jsonb, now(), now())""")
                .setParameter(1, id).setParameter(2, clinicId).setParameter(3, client).setParameter(4, channel.name())
                .setParameter(5, "exactly-once|" + id).setParameter(6, due).executeUpdate()));
        return id;
    }

    private static ScheduledReminder row(UUID id) {
        return Tenancy.acrossClinics("test assertions", () -> QuarkusTransaction.requiringNew().call(() ->
                ScheduledReminder.<ScheduledReminder>findById(id)));
    }
}
