package io.stipple.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.fixture.WidgetCreated;
import io.stipple.platform.fixture.WidgetEventsConsumer;
import io.stipple.platform.inbox.Inbox;
import io.stipple.platform.outbox.Outbox;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must hold under ordinary faults: a transient failure never dead-letters an event (it is held back, and the
 * service says so), a deterministic one is dead-lettered and can be replayed once fixed, one subject's events are
 * numbered and published in commit order, an older event never overwrites a newer decision, and a record Kafka
 * refuses for good is parked instead of damming the outbox.
 */
@QuarkusTest
class DeliveryGuaranteesIT {

    private static final String TOPIC = "stipple.test.widgets";
    private static final UUID CLINIC_A = UUID.fromString(PlatformTestInfra.CLINIC_A);
    private static final UUID CLINIC_B = UUID.fromString(PlatformTestInfra.CLINIC_B);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    PartnerDirectory partners;

    @Inject
    io.stipple.platform.inbox.ProjectionGuard guard;

    private final ObjectMapper json = new ObjectMapper();

    private static String admin(UUID clinic) {
        return DevTokens.token("admin-" + clinic, clinic, "admin");
    }

    private static String create(String name) {
        return given().auth().oauth2(DevTokens.token("staff-1", CLINIC_A, "staff")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "quantity", 1))
                .post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
    }

    private int appliedCount(String widgetId) {
        return Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select applied_count from widget_projection where widget_id = :id")
                    .setParameter("id", UUID.fromString(widgetId)).getResultList();
            return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        }));
    }

    private static List<Map<String, Object>> deadLetters(UUID clinic) {
        return given().auth().oauth2(admin(clinic)).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void a_transient_failure_holds_the_event_back_says_so_and_never_dead_letters_it() {
        WidgetEventsConsumer.TRANSIENT_FAILURES_LEFT.set(10); // ~4 s of "database away" at 200 ms .. 500 ms pauses
        String id = create(WidgetEventsConsumer.FLAKY + UUID.randomUUID());

        // held back past stipple.inbox.stuck-after (1 s here): not ready, and the reason is named
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath health = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            Map<String, Object> check = health.getMap("checks.find { it.name == 'inbox' }");
            assertThat(check.get("status")).isEqualTo("DOWN");
            assertThat(check.get("data").toString()).contains("io.stipple.WidgetCreated").contains("I/O error");
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("stipple_inbox_retrying_seconds(\\{[^}]*\\})? [1-9]");

        // the database "returns": applied once, ready again, nothing dead-lettered
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(id) == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(deadLetters(CLINIC_A)).noneMatch(d -> id.equals(d.get("subject")));
        assertThat(WidgetEventsConsumer.TRANSIENT_FAILURES_LEFT.get()).isZero();
    }

    @Test
    void a_deterministic_failure_is_dead_lettered_listed_and_replayed_once_fixed_idempotently() {
        WidgetEventsConsumer.fixed = false;
        String id = create("fixed-later");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(CLINIC_A).stream()
                .anyMatch(d -> id.equals(d.get("subject"))));
        Map<String, Object> listed = deadLetters(CLINIC_A).stream().filter(d -> id.equals(d.get("subject"))).findFirst().orElseThrow();
        assertThat(listed.get("type")).isEqualTo("io.stipple.WidgetCreated");
        assertThat(listed.get("reason").toString()).contains("fixed in the next release");
        assertThat(listed.get("applied")).isEqualTo(false);
        assertThat(listed).doesNotContainKey("data");
        // another clinic's admin neither sees nor replays it; staff may not at all
        assertThat(deadLetters(CLINIC_B)).noneMatch(d -> id.equals(d.get("subject")));
        given().auth().oauth2(DevTokens.token("staff-1", CLINIC_A, "staff")).get("/api/v1/admin/dead-letters")
                .then().statusCode(403);
        JsonPath other = given().auth().oauth2(admin(CLINIC_B)).post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(other.getList("events.subject", String.class)).doesNotContain(id);
        assertThat(appliedCount(id)).isZero();

        WidgetEventsConsumer.fixed = true;
        // a replay answers a request: a transient failure during it is given up after the usual attempts and
        // reported, the event stays dead-lettered (it is not held for as long as it lasts, as a live event is)
        WidgetEventsConsumer.TRANSIENT_FAILURES_LEFT.set(1_000);
        JsonPath held;
        try {
            held = given().auth().oauth2(admin(CLINIC_A)).post("/api/v1/admin/dead-letters/replay")
                    .then().statusCode(200).extract().jsonPath();
        } finally {
            WidgetEventsConsumer.TRANSIENT_FAILURES_LEFT.set(0);
        }
        assertThat(outcomeOf(held, id)).isEqualTo("FAILED");
        assertThat(appliedCount(id)).isZero();

        JsonPath first = given().auth().oauth2(admin(CLINIC_A)).post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcomeOf(first, id)).isEqualTo("APPLIED");
        assertThat(first.getInt("examined")).isEqualTo(first.getInt("applied") + first.getInt("alreadyApplied")
                + first.getInt("failed"));
        assertThat(appliedCount(id)).isEqualTo(1);

        JsonPath second = given().auth().oauth2(admin(CLINIC_A)).post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcomeOf(second, id)).isEqualTo("ALREADY_APPLIED");
        assertThat(appliedCount(id)).isEqualTo(1);
        assertThat(deadLetters(CLINIC_A).stream().filter(d -> id.equals(d.get("subject"))).findFirst().orElseThrow()
                .get("applied")).isEqualTo(true);
    }

    @Test
    void an_event_not_applicable_yet_is_held_without_making_the_service_unready_and_applied_once_its_fact_arrives() {
        String name = WidgetEventsConsumer.AWAITED + UUID.randomUUID();
        String id = create(name);
        // held past stuck-after (1 s here) but within its hold (6 s): shown, counted, and the service stays ready
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            Map<String, Object> check = health.getMap("checks.find { it.name == 'inbox' }");
            assertThat(check.get("status")).isEqualTo("UP");
            Map<?, ?> data = (Map<?, ?>) check.get("data");
            assertThat(data.get("kind")).isEqualTo("NOT_YET_APPLICABLE");
            assertThat(data.get("lastFailure").toString()).contains("the prerequisite of " + name);
            assertThat(((Number) data.get("longestSeconds")).longValue()).isGreaterThanOrEqualTo(2);
        });
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("stipple_inbox_not_yet_applicable_total(\\{[^}]*\\})? [1-9]");
        assertThat(appliedCount(id)).isZero();

        WidgetEventsConsumer.ARRIVED.add(name);
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedCount(id) == 1);
        assertThat(deadLetters(CLINIC_A)).noneMatch(d -> id.equals(d.get("subject")));
    }

    @Test
    void an_event_whose_fact_never_arrives_is_dead_lettered_after_its_hold_and_a_replay_applies_it_once_it_has() {
        String name = WidgetEventsConsumer.AWAITED + UUID.randomUUID();
        String id = create(name);
        await().atMost(Duration.ofSeconds(40)).until(() -> deadLetters(CLINIC_A).stream()
                .anyMatch(d -> id.equals(d.get("subject"))));
        Map<String, Object> listed = deadLetters(CLINIC_A).stream().filter(d -> id.equals(d.get("subject")))
                .findFirst().orElseThrow();
        assertThat(listed.get("reason")).isEqualTo("the prerequisite of " + name + " has not arrived after PT6S");
        assertThat(appliedCount(id)).isZero();

        // a replay answers a request: the event is not held for its 6 s, it fails at once with the reason
        long started = System.nanoTime();
        JsonPath early = given().auth().oauth2(admin(CLINIC_A)).post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WidgetEventsConsumer.AWAITED_HOLD);
        assertThat(outcomeOf(early, id)).isEqualTo("FAILED");
        assertThat(reasonOf(early, id)).contains("the prerequisite of " + name + " has not arrived");

        WidgetEventsConsumer.ARRIVED.add(name);
        JsonPath replayed = given().auth().oauth2(admin(CLINIC_A)).post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcomeOf(replayed, id)).isEqualTo("APPLIED");
        assertThat(appliedCount(id)).isEqualTo(1);
    }

    private static String reasonOf(JsonPath report, String subject) {
        List<Map<String, Object>> events = report.getList("events");
        return events.stream().filter(e -> subject.equals(e.get("subject"))).map(e -> (String) e.get("reason"))
                .findFirst().orElseThrow(() -> new AssertionError(subject + " not in the replay report " + events));
    }

    private static String outcomeOf(JsonPath report, String subject) {
        List<Map<String, Object>> events = report.getList("events");
        return events.stream().filter(e -> subject.equals(e.get("subject"))).map(e -> (String) e.get("outcome"))
                .findFirst().orElseThrow(() -> new AssertionError(subject + " not in the replay report " + events));
    }

    @Test
    void one_subjects_events_are_numbered_and_published_in_commit_order_even_when_written_concurrently() throws Exception {
        String subject = UUID.randomUUID().toString();
        CountDownLatch firstWrote = new CountDownLatch(1);
        AtomicReference<Instant> firstCommitted = new AtomicReference<>();
        AtomicReference<Instant> secondCommitted = new AtomicReference<>();
        // the first transaction writes its event, then takes its time to commit
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> Tenancy.asClinic(CLINIC_A, () ->
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.publish(TOPIC, CLINIC_A, subject, new WidgetCreated(UUID.randomUUID(), "first", 1));
                    firstWrote.countDown();
                    sleep(1500);
                    firstCommitted.set(Instant.now());
                })));
        assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
        // the second starts later and would commit at once: it waits for the first, then comes after it
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> Tenancy.asClinic(CLINIC_A, () -> {
            QuarkusTransaction.requiringNew().run(() ->
                    outbox.publish(TOPIC, CLINIC_A, subject, new WidgetCreated(UUID.randomUUID(), "second", 1)));
            secondCommitted.set(Instant.now());
        }));
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        assertThat(secondCommitted.get()).isAfterOrEqualTo(firstCommitted.get());

        try (TopicProbe probe = new TopicProbe(StippleInfra.get().kafka().bootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> subject.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            List<String> names = records.stream().map(r -> read(r.value()).data().path("name").asText()).toList();
            List<Long> numbers = records.stream().map(r -> read(r.value()).subjectsequence()).toList();
            assertThat(names).containsExactly("first", "second");
            assertThat(numbers).containsExactly(1L, 2L);
        }
    }

    @Test
    void an_older_partner_sharing_event_replayed_after_a_newer_one_does_not_re_grant_access() {
        UUID client = UUID.randomUUID();
        String partner = "order-test-" + Long.toHexString(System.nanoTime());
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        apply(event("PartnerRegistered", partner, 1, t, Map.of("partnerId", partner, "name", "Partner", "status", "ACTIVE")));
        Map<String, Object> share = Map.of("clientId", client.toString(), "scope", "PARTNER_SHARING", "partnerId", partner);
        EventEnvelope granted = event("ConsentGranted", client.toString(), 5, t.plusSeconds(10), share);
        EventEnvelope withdrawn = event("ConsentWithdrawn", client.toString(), 7, t.plusSeconds(5), share);

        apply(granted);
        assertThat(sharesWith(client, partner)).isTrue();
        apply(withdrawn); // newer by sequence, though its clock said earlier (another replica's clock)
        assertThat(sharesWith(client, partner)).isFalse();
        // a dead-letter replay or redelivery of an older grant (a new event id: the inbox cannot recognise it)
        apply(event("ConsentGranted", client.toString(), 6, t.plusSeconds(20), share));
        assertThat(sharesWith(client, partner)).as("an older grant must not undo the withdrawal").isFalse();
        apply(event("ConsentGranted", client.toString(), 8, t.plusSeconds(30), share));
        assertThat(sharesWith(client, partner)).isTrue();
    }

    @Test
    void a_projection_position_only_moves_forward_per_aspect_and_subject() {
        String subject = UUID.randomUUID().toString();
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        Map<String, Object> none = Map.of();
        assertThat(advance("consent:MARKETING", event("ConsentGranted", subject, 5, t, none))).isTrue();
        assertThat(advance("consent:MARKETING", event("ConsentWithdrawn", subject, 7, t, none))).isTrue();
        assertThat(advance("consent:MARKETING", event("ConsentGranted", subject, 6, t, none))).as("older").isFalse();
        assertThat(advance("consent:MARKETING", event("ConsentGranted", subject, 7, t, none))).as("same").isFalse();
        // another fact of the same subject has its own position
        assertThat(advance("consent:CLINICAL_PHOTOS", event("ConsentGranted", subject, 6, t, none))).isTrue();
        // an event published before numbering existed always applies
        assertThat(advance("consent:MARKETING", event("ConsentGranted", subject, 0, t, none))).isTrue();
    }

    private boolean advance(String aspect, EventEnvelope event) {
        return Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().call(() -> guard.advance(aspect, event)));
    }

    @Test
    void a_record_kafka_refuses_for_good_is_parked_with_its_reason_and_later_rows_still_go_out() {
        String tooLarge = UUID.randomUUID().toString();
        Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, CLINIC_A,
                tooLarge, new WidgetCreated(UUID.fromString(tooLarge), "x".repeat(2 * 1024 * 1024), 1))));
        String after = create("after-a-refused-record");

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(after) == 1);
        Object[] row = Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() ->
                (Object[]) em.createNativeQuery("""
                                select published_at, parked_at, parked_reason from outbox_event where message_key = :key""")
                        .setParameter("key", tooLarge).getSingleResult()));
        assertThat(row[0]).as("published_at").isNull();
        assertThat(row[1]).as("parked_at").isNotNull();
        assertThat((String) row[2]).contains("RecordTooLarge");
    }

    private void apply(EventEnvelope event) {
        inbox.apply("platform-test-partners", "stipple.clients", event, partners::apply);
    }

    private boolean sharesWith(UUID client, String partner) {
        return Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().call(() ->
                partners.sharesWith(CLINIC_A, client, partner)));
    }

    private EventEnvelope event(String name, String subject, long sequence, Instant time, Map<String, Object> data) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID(), "/stipple/client-service",
                EventEnvelope.typeOf(name), subject, time, "application/json", CLINIC_A, sequence == 0 ? null : sequence, 1,
                null, json.valueToTree(data));
    }

    private EventEnvelope read(String value) {
        try {
            return json.findAndRegisterModules().readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
