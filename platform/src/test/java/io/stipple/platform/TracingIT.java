package io.stipple.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.platform.fixture.RecordedSpans;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from an HTTP request through the outbox, Kafka and the inbox: the request's server span, the relay's
 * PRODUCER span (the context stored with the outbox row), the {@code traceparent} record header, and the inbox's
 * CONSUMER span in which the handler runs.
 */
@QuarkusTest
class TracingIT {

    private static final String TOPIC = "stipple.test.widgets";

    @Inject
    RecordedSpans spans;

    @Inject
    EntityManager em;

    @Test
    void a_request_its_outbox_send_and_the_consumers_handling_are_one_trace() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String id = given().auth().oauth2(DevTokens.token("staff-1", UUID.fromString(PlatformTestInfra.CLINIC_A), "staff"))
                .contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("name", "traced", "quantity", 2))
                .post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");

        String stored = Tenancy.acrossClinics("test assertion", () -> QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("select trace_parent from outbox_event where message_key = :key")
                        .setParameter("key", id).getSingleResult()));
        assertThat(stored).startsWith("00-" + traceId + "-");

        try (TopicProbe probe = new TopicProbe(StippleInfra.get().kafka().bootstrapServers(), TOPIC)) {
            ConsumerRecord<String, String> record = probe.awaitRecords(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            String header = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertThat(header).startsWith("00-" + traceId + "-").endsWith("-01");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> spans.ofTrace(traceId).stream()
                .anyMatch(s -> s.getName().equals("WidgetCreated process")));
        List<SpanData> trace = spans.ofTrace(traceId);
        SpanData server = only(trace, SpanKind.SERVER);
        SpanData producer = only(trace, SpanKind.PRODUCER);
        SpanData consumer = only(trace, SpanKind.CONSUMER);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
        assertThat(producer.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(producer.getName()).isEqualTo(TOPIC + " publish");
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(consumer.getName()).isEqualTo("WidgetCreated process");
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("kafka");
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo(TOPIC);
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type"))).isEqualTo("io.stipple.WidgetCreated");
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id")))
                .isEqualTo(producer.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id"))).isNotBlank();
    }

    @Test
    void a_query_string_keeps_its_parameter_names_but_not_their_values() {
        String token = DevTokens.token("staff-1", UUID.fromString(PlatformTestInfra.CLINIC_A), "staff");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "looked-up", "quantity", 1))
                .post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        given().auth().oauth2(token)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .get("/api/v1/widgets/" + id + "?email=jo.bloggs@example.com&jo@example.com=1")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !spans.ofTrace(traceId).isEmpty());
        SpanData server = only(spans.ofTrace(traceId), SpanKind.SERVER);
        assertThat(server.getAttributes().get(AttributeKey.stringKey("url.query"))).isEqualTo("email=?&?=?");
        assertThat(server.getAttributes().asMap().values()).noneMatch(v -> String.valueOf(v).contains("example.com"));
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> ofKind = trace.stream().filter(s -> s.getKind() == kind).toList();
        assertThat(ofKind).as("%s spans of the trace %s", kind, trace).hasSize(1);
        return ofKind.get(0);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero (an invalid id)
        return bytes;
    }
}
