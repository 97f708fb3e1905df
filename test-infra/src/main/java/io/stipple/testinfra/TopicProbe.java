package io.stipple.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads what services publish, for assertions. Subscribes with its own unique consumer group from the earliest
 * offset, so records published before the probe was created are seen too. Not thread-safe (one test thread).
 *
 * <pre>{@code
 * try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.clients")) {
 *     var records = probe.awaitRecords(r -> clientId.equals(r.key()), 1, Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ASSIGNMENT_GRACE = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;
    private final List<String> topics;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        if (topics == null || topics.length == 0) {
            throw new IllegalArgumentException("At least one topic");
        }
        this.topics = List.of(topics);
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "stipple-topic-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stipple-topic-probe");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a probe must not create the topics it watches; it notices them soon after they appear instead
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        props.put(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(this.topics);
    }

    /**
     * Polls until {@code count} records matching {@code match} have been seen (counting every record seen by this
     * probe since it was created, also by earlier calls) and returns the first {@code count} of them in the order
     * seen. Throws an {@link AssertionError} listing what was seen if they do not arrive within {@code timeout}.
     */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> match, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            for (ConsumerRecord<String, String> record : seen) {
                if (match.test(record)) {
                    matching.add(record);
                    if (matching.size() == count) {
                        return matching;
                    }
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("Expected " + count + " matching record(s) on " + topics + " within " + timeout
                        + " but found " + matching.size() + "; " + describeSeen());
            }
            pollOnce(Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
        }
    }

    /**
     * Reads until the probe has caught up with the end of its topics' partitions and nothing new has arrived for
     * {@code quietPeriod}, then returns every record seen since the probe was created.
     */
    public List<ConsumerRecord<String, String>> drain(Duration quietPeriod) {
        long start = System.nanoTime();
        long lastNew = start;
        while (true) {
            int before = seen.size();
            pollOnce(POLL);
            long now = System.nanoTime();
            if (seen.size() > before) {
                lastNew = now;
            }
            boolean quiet = now - lastNew >= quietPeriod.toNanos();
            if (quiet && caughtUp()) {
                break;
            }
            if (quiet && now - start >= quietPeriod.plus(ASSIGNMENT_GRACE).toNanos()) {
                break; // no partition assigned in time (topics missing?): report what there is
            }
        }
        return List.copyOf(seen);
    }

    /** Everything seen so far, without polling. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /**
     * Publishes one raw record (acks=all) and waits for the broker to confirm it, e.g. to inject a poison message
     * or a redelivery. Header values are UTF-8.
     */
    public static void send(String bootstrap, String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "stipple-topic-probe-sender");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (headers != null) {
                headers.forEach((name, headerValue) -> record.headers().add(name,
                        headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(record).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic + " on " + bootstrap + ": " + Support.unwrap(e), e);
        }
    }

    /** The value of the last header with this name as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            seen.add(record);
        }
    }

    private boolean caughtUp() {
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment, Duration.ofSeconds(5));
        for (TopicPartition partition : assignment) {
            long end = ends.getOrDefault(partition, 0L);
            if (consumer.position(partition, Duration.ofSeconds(5)) < end) {
                return false;
            }
        }
        return true;
    }

    private String describeSeen() {
        StringBuilder out = new StringBuilder().append(seen.size()).append(" record(s) seen");
        if (consumer.assignment().isEmpty()) {
            out.append(" (no partition assigned yet: do the topics exist?)");
        }
        int shown = 0;
        for (ConsumerRecord<String, String> record : seen) {
            if (shown++ == 50) {
                out.append("\n  ...");
                break;
            }
            out.append("\n  ").append(record.topic()).append('-').append(record.partition()).append('@').append(record.offset())
                    .append(" key=").append(record.key()).append(" headers={");
            boolean first = true;
            for (Header header : record.headers()) {
                out.append(first ? "" : ", ").append(header.key()).append('=')
                        .append(header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                first = false;
            }
            String value = record.value();
            out.append("} value=").append(value != null && value.length() > 300 ? value.substring(0, 300) + "..." : value);
        }
        return out.toString();
    }
}
