package io.stipple.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.tenancy.Tenancy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox and the inbox over the real broker and database. */
@QuarkusTest
class OutboxInboxIT {

    private static final String TOPIC = "stipple.test.widgets";
    private static final String DLQ = "stipple.dlq.platform-test";

    @Inject
    EntityManager em;

    private final ObjectMapper json = new ObjectMapper();

    private static String staffToken() {
        return DevTokens.token("staff-1", UUID.fromString(PlatformTestInfra.CLINIC_A), "staff");
    }

    private String create(String name, int quantity) {
        return given().auth().oauth2(staffToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "quantity", quantity))
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

    private long pendingOutboxRows() {
        return Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where published_at is null and parked_at is null").getSingleResult()).longValue()));
    }

    @Test
    void an_event_written_through_the_outbox_is_published_as_a_cloud_event_and_applied_once() throws Exception {
        String correlationId = "corr-" + UUID.randomUUID();
        String id = given().auth().oauth2(staffToken()).contentType(ContentType.JSON)
                .header("X-Correlation-Id", correlationId)
                .body(Map.of("name", "published", "quantity", 3))
                .post("/api/v1/widgets")
                .then().statusCode(201).header("X-Correlation-Id", correlationId).extract().path("id");

        try (TopicProbe probe = new TopicProbe(StippleInfra.get().kafka().bootstrapServers(), TOPIC)) {
            ConsumerRecord<String, String> record = probe.awaitRecords(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            JsonNode event = json.readTree(record.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo("io.stipple.WidgetCreated");
            assertThat(event.path("source").asText()).isEqualTo("/stipple/platform-test");
            assertThat(event.path("subject").asText()).isEqualTo(id);
            assertThat(event.path("clinicid").asText()).isEqualTo(PlatformTestInfra.CLINIC_A);
            assertThat(event.path("schemaversion").asInt()).isEqualTo(1);
            assertThat(event.path("data").path("quantity").asInt()).isEqualTo(3);
            assertThat(event.path("correlationid").asText()).isEqualTo(correlationId);
            assertThat(new String(record.headers().lastHeader("correlation-id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(correlationId);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedCount(id) == 1);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "rolled-back", "quantity", 1))
                .post("/api/v1/widgets?fail=true")
                .then().statusCode(500).contentType("application/problem+json");
        String marker = create("after-rollback", 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> appliedCount(marker) == 1);
        long rows = Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where payload like '%rolled-back%'").getSingleResult()).longValue()));
        assertThat(rows).isZero();
        long widgets = Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from widget where name = 'rolled-back'").getSingleResult()).longValue()));
        assertThat(widgets).isZero();
        try (TopicProbe probe = new TopicProbe(StippleInfra.get().kafka().bootstrapServers(), TOPIC)) {
            probe.awaitRecords(r -> marker.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofMillis(500))).noneMatch(r -> r.value().contains("rolled-back"));
        }
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        String id = create("redelivered", 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedCount(id) == 1);
        String bootstrap = StippleInfra.get().kafka().bootstrapServers();
        ConsumerRecord<String, String> original;
        try (TopicProbe probe = new TopicProbe(bootstrap, TOPIC)) {
            original = probe.awaitRecords(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        }
        TopicProbe.send(bootstrap, TOPIC, original.key(), original.value(), Map.of());
        TopicProbe.send(bootstrap, TOPIC, original.key(), original.value(), Map.of());
        // a later event on the same key (same partition) proves the redeliveries were consumed before it
        String marker = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, TOPIC, id, widgetEvent(marker, "marker-after-redelivery", 1), Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> appliedCount(marker) == 1);
        assertThat(appliedCount(id)).isEqualTo(1);
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_topic_and_later_messages_are_processed() {
        String bootstrap = StippleInfra.get().kafka().bootstrapServers();
        String key = UUID.randomUUID().toString();
        String failing = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, TOPIC, key, "{this is not a cloud event", Map.of());
        TopicProbe.send(bootstrap, TOPIC, key, widgetEvent(failing, "cannot-apply", 666), Map.of());
        String after = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, TOPIC, key, widgetEvent(after, "after-poison", 1), Map.of());

        try (TopicProbe dlq = new TopicProbe(bootstrap, DLQ)) {
            List<ConsumerRecord<String, String>> dead = dlq.awaitRecords(r -> key.equals(r.key()), 2, Duration.ofSeconds(30));
            List<String> reasons = new ArrayList<>();
            for (ConsumerRecord<String, String> r : dead) {
                assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull();
                reasons.add(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
            }
            assertThat(reasons).anyMatch(r -> r.contains("not a CloudEvent"));
            assertThat(reasons).anyMatch(r -> r.contains("quantity 666"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedCount(after) == 1);
        assertThat(appliedCount(failing)).isZero();
    }

    @Test
    void with_kafka_down_changes_commit_and_their_events_are_delivered_once_it_is_back() {
        StippleInfra.get().kafka().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(create("during-outage-" + i, 1));
            }
            assertThat(pendingOutboxRows()).isGreaterThanOrEqualTo(5);
        } finally {
            StippleInfra.get().kafka().restart();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id -> appliedCount(id) == 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows() == 0);
        for (String id : ids) {
            assertThat(appliedCount(id)).as("applied once: " + id).isEqualTo(1);
        }
    }

    private static String widgetEvent(String widgetId, String name, int quantity) {
        return """
                {"specversion":"1.0","id":"%s","source":"/stipple/test","type":"io.stipple.WidgetCreated",
                 "subject":"%s","time":"2026-11-25T10:00:00Z","datacontenttype":"application/json",
                 "clinicid":"%s","schemaversion":1,"data":{"widgetId":"%s","name":"%s","quantity":%d}}"""
                .formatted(UUID.randomUUID(), widgetId, PlatformTestInfra.CLINIC_A, widgetId, name, quantity);
    }
}
