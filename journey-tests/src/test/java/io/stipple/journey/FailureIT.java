package io.stipple.journey;

import io.restassured.response.Response;
import io.stipple.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.stipple.journey.Clinic.LONDON;
import static io.restassured.RestAssured.given;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.at;
import static io.stipple.journey.Clinic.ok;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journey under failure: Kafka down for a while, a service killed hard, a consuming service's database away
 * for a minute. Nothing committed is lost, nothing is applied twice, no decision is dead-lettered, and every
 * reminder is sent exactly once.
 */
@ExtendWith(StippleSystem.class)
class FailureIT {

    /** The services' clock is shared by every test class: give it back as found (the journey reads real dates). */
    @org.junit.jupiter.api.AfterEach
    void giveTheClockBack() {
        StippleSystem.setClockOffset(java.time.Duration.ZERO);
    }

    /**
     * Long enough for a reminder whose first send attempt failed transiently (the dispatcher retries with
     * backoff, 30 s at first) to go out on a retry: recovering that way is part of what is tested.
     */
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private static LocalDate aFewDaysAhead() {
        return LocalDate.ofInstant(StippleSystem.now(), LONDON).plusDays(3);
    }

    @Test
    void with_kafka_down_mid_journey_changes_commit_and_are_delivered_once_it_is_back() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Casey", List.of("TREATMENT"));
        LocalDate day = aFewDaysAhead();
        clinic.availabilityOnceKnown(client, day);
        UUID booking = clinic.book(client, at(day, "08:00")).getUUID("id");

        StippleSystem.kafka().stop();
        Clinic.Client newcomer;
        try {
            // every service keeps committing its own changes into its outbox while the broker is away
            clinic.complete(booking, at(day, "08:00"), 210);
            newcomer = clinic.clientWithAgreedPlan("Dana", List.of("TREATMENT"));
        } finally {
            StippleSystem.kafka().restart();
        }

        // SessionCompleted reaches notification-service: the aftercare timeline appears once and day 0 is mailed once
        await().atMost(RECOVERY).until(() -> count(clinic.notifications(client.id()), "AFTERCARE_INSTRUCTIONS") == 1
                && Clinic.aftercareMailsTo(client.email()).size() == 1);
        // the client registered during the outage reaches booking-service: their plan can be booked
        clinic.availabilityOnceKnown(newcomer, day.plusDays(1));
        assertNoDuplicatesFor(clinic, client);
    }

    @Test
    void a_service_killed_hard_drains_its_outbox_and_its_consumers_resume_where_they_left_off() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client first = clinic.clientWithAgreedPlan("Eli", List.of("TREATMENT"));
        Clinic.Client second = clinic.clientWithAgreedPlan("Frankie", List.of("TREATMENT"));
        LocalDate day = aFewDaysAhead();
        clinic.availabilityOnceKnown(first, day);
        clinic.availabilityOnceKnown(second, day);
        UUID firstBooking = clinic.book(first, at(day, "08:00")).getUUID("id");
        UUID secondBooking = clinic.book(second, at(day, "12:00")).getUUID("id");

        // notification-service crashes: the events published meanwhile wait in Kafka for its consumer group
        StippleSystem.stopService(Service.NOTIFICATION, true);
        clinic.complete(firstBooking, at(day, "08:00"), 210);
        StippleSystem.startService(Service.NOTIFICATION);

        // booking-service crashes right after a commit: whatever its relay had not sent yet is still in its outbox
        clinic.complete(secondBooking, at(day, "12:00"), 210);
        StippleSystem.stopService(Service.BOOKING, true);
        StippleSystem.startService(Service.BOOKING);

        for (Clinic.Client client : List.of(first, second)) {
            await().atMost(RECOVERY).until(() -> count(clinic.notifications(client.id()), "AFTERCARE_INSTRUCTIONS") == 1
                    && Clinic.aftercareMailsTo(client.email()).size() == 1);
        }
        // a quiet moment more, then still exactly one of each: nothing was sent twice
        Instant settle = Instant.now().plus(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(settle));
        for (Clinic.Client client : List.of(first, second)) {
            assertThat(Clinic.aftercareMailsTo(client.email())).hasSize(1);
            assertNoDuplicatesFor(clinic, client);
        }
    }

    /**
     * gallery-service loses its database for 60 s (connections reset, new ones refused) while a consent withdrawal
     * and an erasure arrive. Both are held back, not dead-lettered; the service says so; both take effect once the
     * database is back.
     */
    @Test
    void with_a_consumers_database_away_for_a_minute_consent_withdrawal_and_erasure_are_held_back_then_applied()
            throws Exception {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client withdrawing = clinic.clientWithAgreedPlan("Gale", List.of("TREATMENT", "CLINICAL_PHOTOS"));
        Clinic.Client erased = clinic.clientWithAgreedPlan("Harper", List.of("TREATMENT", "CLINICAL_PHOTOS"));
        // gallery-service knows both, with photo consent: an upload is accepted for each
        await().atMost(RECOVERY).until(() -> clinic.uploadPhoto(withdrawing.id(), "before " + UUID.randomUUID()).statusCode() == 201);
        await().atMost(RECOVERY).until(() -> clinic.uploadPhoto(erased.id(), "before " + UUID.randomUUID()).statusCode() == 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> photos(clinic).contains(erased.id().toString()));

        TcpProxy database = StippleSystem.galleryDatabase();
        Instant cut = Instant.now();
        database.cut();
        Map<String, Object> inboxWhileAway;
        try {
            ok(as(withdrawing.token()).body(Map.of("scope", "CLINICAL_PHOTOS"))
                    .post(url(Service.CLIENT, "/api/v1/clients/" + withdrawing.id() + "/consents/withdrawals")), 200, 201);
            given().auth().oauth2(clinic.admin).delete(url(Service.CLIENT, "/api/v1/clients/" + erased.id()))
                    .then().statusCode(204);
            // held back, and said so: the readiness check names the event and the database error (of the instance
            // whose consumer holds it, with two replicas)
            inboxWhileAway = await().atMost(Duration.ofSeconds(50)).until(FailureIT::galleryInboxCheck,
                    check -> check != null && "DOWN".equals(check.get("status"))
                            && String.valueOf(check.get("data")).contains("ConsentWithdrawn"));
            String metrics = StippleSystem.instanceUrls(Service.GALLERY).stream()
                    .map(instance -> given().get(instance + "/q/metrics").asString()).collect(Collectors.joining("\n"));
            assertThat(metrics).containsPattern("stipple_inbox_retrying_seconds(\\{[^}]*\\})? [1-9]");
            // the rest of the minute away
            Instant back = cut.plus(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(back));
        } finally {
            database.restore();
        }
        System.out.printf("FailureIT: gallery-service database away %d s; inbox check while away: %s%n",
                Duration.between(cut, Instant.now()).toSeconds(), inboxWhileAway);
        assertThat(inboxWhileAway.get("data").toString()).contains("ConsentWithdrawn");

        // applied once the database is back: no more photos without consent, the erased client gone
        Response refused = await().atMost(RECOVERY).until(() -> clinic.uploadPhoto(withdrawing.id(), "before " + UUID.randomUUID()), r -> r.statusCode() == 422
                && r.asString().contains("clinical-photos-consent-required"));
        await().atMost(RECOVERY).until(() -> !photos(clinic).contains(erased.id().toString()));
        Response unknown = clinic.uploadPhoto(erased.id(), "before " + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.asString()).contains("unknown-client");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(url(Service.GALLERY, "/q/health/ready")).then().statusCode(200));

        // nothing was dead-lettered: the clinic's dead letters at gallery-service name neither client
        List<Map<String, Object>> dead = given().auth().oauth2(clinic.admin)
                .get(url(Service.GALLERY, "/api/v1/admin/dead-letters")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        long deadForThem = dead.stream().filter(d -> withdrawing.id().toString().equals(d.get("subject"))
                || erased.id().toString().equals(d.get("subject"))).count();
        System.out.printf("FailureIT: decisions sent 2 (ConsentWithdrawn, ClientErased), applied %d, dead-lettered %d, lost %d%n",
                (refused.statusCode() == 422 ? 1 : 0) + (unknown.statusCode() == 422 ? 1 : 0), deadForThem,
                2 - (refused.statusCode() == 422 ? 1 : 0) - (unknown.statusCode() == 422 ? 1 : 0));
        assertThat(deadForThem).isZero();
    }

    /**
     * The "inbox" entry of gallery-service's readiness report (null while no instance can answer). With two replicas
     * each instance holds the events of its own partitions: the entry is DOWN if one instance's is, with the data of
     * every DOWN instance.
     */
    private static Map<String, Object> galleryInboxCheck() {
        Map<String, Object> answered = null;
        Map<String, Object> downData = new java.util.LinkedHashMap<>();
        for (String instance : StippleSystem.instanceUrls(Service.GALLERY)) {
            try {
                Response ready = given().get(instance + "/q/health/ready");
                List<Map<String, Object>> checks = ready.jsonPath().getList("checks");
                Map<String, Object> inbox = checks == null ? null
                        : checks.stream().filter(c -> "inbox".equals(c.get("name"))).findFirst().orElse(null);
                if (inbox != null && "DOWN".equals(inbox.get("status"))) {
                    downData.put(instance, java.util.Objects.requireNonNullElse(inbox.get("data"), Map.of()));
                }
                answered = answered == null ? inbox : answered;
            } catch (RuntimeException e) {
                // this instance cannot answer right now
            }
        }
        if (downData.size() == 1) {
            return Map.of("name", "inbox", "status", "DOWN", "data", downData.values().iterator().next());
        }
        return downData.isEmpty() ? answered : Map.of("name", "inbox", "status", "DOWN", "data", downData);
    }

    private static String photos(Clinic clinic) {
        Response r = as(clinic.staff).queryParam("size", 100).get(url(Service.GALLERY, "/api/v1/gallery/photos"));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.asString();
    }

    private static long count(List<Map<String, Object>> notifications, String type) {
        return notifications.stream().filter(n -> type.equals(n.get("type"))).count();
    }

    /** Each reminder (type, channel, booking, due time) appears once: a redelivered event planned nothing twice. */
    private static void assertNoDuplicatesFor(Clinic clinic, Clinic.Client client) {
        List<Map<String, Object>> log = clinic.notifications(client.id());
        List<String> keys = log.stream()
                .map(n -> n.get("type") + "/" + n.get("channel") + "/" + n.get("bookingId") + "/" + n.get("dueAt")).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
