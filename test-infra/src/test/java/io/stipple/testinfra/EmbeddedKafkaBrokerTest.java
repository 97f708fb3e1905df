package io.stipple.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long t0 = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(null, 0);
        System.err.printf("[timing] Kafka started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void closeBroker() {
        if (broker != null) {
            broker.close();
            assertThat(Support.isPortFree(broker.port())).as("port released after close").isTrue();
        }
    }

    @Test
    void createsTopicsIdempotentlyAndProbeSeesKeyValueAndHeaders() throws Exception {
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        broker.createTopics(List.of("probe.a", "probe.b"), 2);
        broker.createTopics(List.of("probe.a", "probe.b", "probe.c"), 2); // existing ones are fine
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("probe.a", "probe.b", "probe.c");
            assertThat(admin.describeTopics(Set.of("probe.a")).allTopicNames().get().get("probe.a").partitions()).hasSize(2);
        }

        // sent before the probe exists: must still be seen (earliest offset)
        TopicProbe.send(broker.bootstrapServers(), "probe.a", "k-1", "{\"n\":1}", Map.of("ce_type", "ClientCreated", "ce_id", "42"));
        try (TopicProbe probe = new TopicProbe(broker.bootstrapServers(), "probe.a", "probe.b")) {
            TopicProbe.send(broker.bootstrapServers(), "probe.b", "k-2", "{\"n\":2}", Map.of());
            long t0 = System.nanoTime();
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> true, 2, Duration.ofSeconds(30));
            System.err.printf("[timing] probe saw 2 records %d ms after subscribing%n", (System.nanoTime() - t0) / 1_000_000);
            ConsumerRecord<String, String> first = records.stream().filter(r -> r.topic().equals("probe.a")).findFirst().orElseThrow();
            assertThat(first.key()).isEqualTo("k-1");
            assertThat(first.value()).isEqualTo("{\"n\":1}");
            assertThat(TopicProbe.header(first, "ce_type")).isEqualTo("ClientCreated");
            assertThat(TopicProbe.header(first, "ce_id")).isEqualTo("42");

            assertThat(probe.drain(Duration.ofMillis(300))).hasSize(2);

            assertThatThrownBy(() -> probe.awaitRecords(r -> "nope".equals(r.key()), 1, Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("found 0")
                    .hasMessageContaining("key=k-1")
                    .hasMessageContaining("ce_type=ClientCreated");
        }
    }

    @Test
    void autoCreatesTopicsWithThreePartitions() throws Exception {
        TopicProbe.send(broker.bootstrapServers(), "probe.auto", "k", "v", null);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.describeTopics(Set.of("probe.auto")).allTopicNames().get().get("probe.auto").partitions()).hasSize(3);
        }
    }

    @Test
    void stopMakesClientsFailAndRestartBringsBackSamePortAndData() throws Exception {
        String topic = "probe.outage";
        broker.createTopics(List.of(topic), 1);
        String bootstrap = broker.bootstrapServers();

        try (KafkaProducer<String, String> survivor = producer(bootstrap, 2000)) {
            survivor.send(new ProducerRecord<>(topic, "before", "sent before the outage")).get(10, TimeUnit.SECONDS);

            long t0 = System.nanoTime();
            broker.stop();
            System.err.printf("[timing] Kafka stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(broker.isRunning()).isFalse();
            assertThat(Support.isPortFree(broker.port())).as("client port released while stopped").isTrue();
            broker.stop(); // idempotent

            // an existing producer: the record times out instead of being delivered
            long s0 = System.nanoTime();
            assertThatThrownBy(() -> survivor.send(new ProducerRecord<>(topic, "during", "x")).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            // a new producer cannot even fetch metadata
            try (KafkaProducer<String, String> fresh = producer(bootstrap, 1500)) {
                assertThatThrownBy(() -> fresh.send(new ProducerRecord<>(topic, "during", "y")).get(20, TimeUnit.SECONDS))
                        .satisfiesAnyOf(
                                e -> assertThat(e).isInstanceOf(TimeoutException.class),
                                e -> assertThat(e).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class));
            }
            long failMs = (System.nanoTime() - s0) / 1_000_000;
            System.err.printf("[timing] both sends failed within %d ms while stopped%n", failMs);
            assertThat(failMs).isLessThan(15_000);
            assertThatThrownBy(() -> broker.createTopics(List.of("x"), 1)).isInstanceOf(IllegalStateException.class);

            t0 = System.nanoTime();
            broker.restart();
            System.err.printf("[timing] Kafka restarted in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            broker.restart(); // no-op when running

            // the producer that lived through the outage reconnects
            survivor.send(new ProducerRecord<>(topic, "after", "sent after the restart")).get(30, TimeUnit.SECONDS);
        }
        try (TopicProbe probe = new TopicProbe(bootstrap, topic)) {
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> true, 2, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("before", "after");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap, int timeoutMs) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 500);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props);
    }
}
