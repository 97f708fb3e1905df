package io.stipple.notification.service;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Mails;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.notification.domain.ScheduledReminder;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
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
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Appointment reminders: cancellation, no-show, rescheduling, quiet hours and retries over SMS. */
@QuarkusTest
class AppointmentRemindersIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    @Test
    void a_cancellation_cancels_the_appointment_reminders_and_nothing_is_sent() {
        UUID client = UUID.randomUUID();
        String email = "cancel-" + client + "@example.com";
        Events.registerClient(clinicId, client, "Chris", email, "EMAIL");
        clock.set(Instant.parse("2027-01-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-01-20T10:00:00Z", "endsAt", "2027-01-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        assertThat(Db.remindersOfBooking(booking)).extracting(r -> r.status).containsOnly(ReminderStatus.SCHEDULED);

        Events.publish("booking-service", "BookingCancelled", clinicId, client, data("bookingId", booking, "startsAt", "2027-01-20T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.remindersOfBooking(booking).stream().allMatch(r -> r.status == ReminderStatus.CANCELLED));
        assertThat(Db.remindersOfBooking(booking)).extracting(r -> r.statusReason).containsOnly("BOOKING_CANCELLED");

        clock.set(Instant.parse("2027-01-20T09:30:00Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(Mails.to(email)).isEmpty();
    }

    @Test
    void a_no_show_cancels_what_is_left() {
        UUID client = Events.knownClient(clinicId, UUID.randomUUID());
        clock.set(Instant.parse("2027-01-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-01-21T10:00:00Z", "endsAt", "2027-01-21T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        Events.publish("booking-service", "BookingNoShow", clinicId, client, data("bookingId", booking, "startsAt", "2027-01-21T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.remindersOfBooking(booking).stream().allMatch(r -> "BOOKING_NO_SHOW".equals(r.statusReason)));
    }

    @Test
    void a_reschedule_moves_the_reminders_to_the_new_time() {
        UUID client = Events.knownClient(clinicId, UUID.randomUUID());
        clock.set(Instant.parse("2027-01-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-01-20T10:00:00Z", "endsAt", "2027-01-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        Events.publish("booking-service", "BookingRescheduled", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-01-27T14:00:00Z", "endsAt", "2027-01-27T16:00:00Z",
                "previousStartsAt", "2027-01-20T10:00:00Z", "previousEndsAt", "2027-01-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 4);
        List<ScheduledReminder> all = Db.remindersOfBooking(booking);
        assertThat(all).filteredOn(r -> r.status == ReminderStatus.CANCELLED)
                .extracting(r -> r.dueAt + "/" + r.statusReason)
                .containsExactlyInAnyOrder("2027-01-18T10:00:00Z/RESCHEDULED", "2027-01-20T08:00:00Z/RESCHEDULED");
        assertThat(all).filteredOn(r -> r.status == ReminderStatus.SCHEDULED)
                .extracting(r -> r.dueAt.toString()).containsExactlyInAnyOrder("2027-01-25T14:00:00Z", "2027-01-27T12:00:00Z");
    }

    @Test
    void sms_respects_quiet_hours_and_a_transient_provider_failure_is_retried_with_the_same_idempotency_key() {
        UUID client = UUID.randomUUID();
        String phone = "+4477009" + (100_000 + (int) (Math.random() * 800_000));
        Events.publish("client-service", "ClientRegistered", clinicId, client, data(
                "firstName", "Sam", "phone", phone, "preferredChannels", List.of("SMS"), "email", "sms-" + client + "@example.com"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.contact(clinicId, client).isPresent());
        clock.set(Instant.parse("2027-02-01T12:00:00Z"));
        UUID booking = UUID.randomUUID();
        // 09:00 GMT appointment: the 2-hour SMS would be at 07:00, inside quiet hours 21:00-08:00
        Events.publish("booking-service", "BookingConfirmed", clinicId, client, data(
                "bookingId", booking, "startsAt", "2027-02-10T09:00:00Z", "endsAt", "2027-02-10T11:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2);
        ScheduledReminder twoHours = Db.remindersOfBooking(booking).get(1);
        assertThat(twoHours.channel).isEqualTo(Channel.SMS);
        assertThat(twoHours.dueAt).isEqualTo(Instant.parse("2027-02-10T08:00:00Z"));

        WireMock wireMock = ChannelsTestResource.wireMock();
        String scenario = "sms-" + client;
        String reference = twoHours.id.toString();
        // the provider is down once for the 2-hour reminder, then accepts it; everything else for this phone is accepted
        wireMock.register(post(urlEqualTo("/sms/messages")).atPriority(5).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"sms-other\"}")));
        wireMock.register(post(urlEqualTo("/sms/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("try later"))
                .willSetStateTo("recovered"));
        wireMock.register(post(urlEqualTo("/sms/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"sms-42\"}")));

        clock.set(Instant.parse("2027-02-10T07:30:00Z")); // the original time has passed, quiet hours hold it
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        assertThat(Db.remindersOfBooking(booking).get(1).status).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(Db.remindersOfBooking(booking).get(1).attempts).isZero();

        clock.set(Instant.parse("2027-02-10T08:00:05Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder failedOnce = Db.remindersOfBooking(booking).get(1);
        assertThat(failedOnce.status).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(failedOnce.attempts).isEqualTo(1);
        assertThat(failedOnce.lastError).contains("HTTP 503");
        assertThat(failedOnce.nextAttemptAt).isEqualTo(Instant.parse("2027-02-10T08:00:35Z")); // 30 s backoff

        clock.set(Instant.parse("2027-02-10T08:00:40Z"));
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        ScheduledReminder sent = Db.remindersOfBooking(booking).get(1);
        assertThat(sent.status).isEqualTo(ReminderStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(sent.providerMessageId).isEqualTo("sms-42");

        List<LoggedRequest> requests = wireMock.find(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone))).withRequestBody(matchingJsonPath("$.reference", equalTo(sent.id.toString()))));
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).doesNotContainNull().containsOnly(requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Bearer test-sms-key");
        assertThat(requests.get(1).getBodyAsString()).contains("Stipple Demo Clinic London").contains("Wednesday, 10 February 2027, 09:00 GMT");
    }
}
