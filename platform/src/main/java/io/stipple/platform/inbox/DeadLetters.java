package io.stipple.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The events this service's consumers dead-lettered, and their replay once the cause is fixed.
 *
 * <p>Reads the dead-letter topics of the channels registered with {@link Inbox#register} from the beginning (the
 * topics keep 30 days), keeps the events of one clinic, and re-applies them through the same inbox and handler
 * the consumer uses, oldest first: an event already applied is recognised by the inbox and changes nothing, so a
 * replay can be run any number of times. Projections ignore an event older than what they have applied, so a late
 * replay cannot undo a newer decision (a withdrawn consent stays withdrawn).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** At most this many dead letters are listed (the oldest), or reported one by one by a replay (which replays all). */
    public static final int MAX_EVENTS = 1000;
    /** An event's type and subject as listed: longer ones (off contract) are cut. */
    static final int MAX_NAME = 200;
    /** Kafka's own limit on a topic name. */
    static final int MAX_TOPIC = 249;
    static final int MAX_REASON = 2000;

    /** One dead-lettered event of the clinic, as listed (no data: the payload may hold personal data). */
    @Schema(name = "DeadLetter")
    public record DeadLetter(UUID eventId, @Schema(maxLength = MAX_NAME) String type,
                             @Schema(maxLength = MAX_NAME) String subject, Instant time,
                             @Schema(maxLength = MAX_TOPIC) String topic, @Schema(maxLength = MAX_REASON) String reason,
                             Instant deadLetteredAt, boolean applied) {
        public DeadLetter {
            type = Problem.cut(type, MAX_NAME);
            subject = Problem.cut(subject, MAX_NAME);
            reason = Problem.cut(reason, MAX_REASON);
        }
    }

    /**
     * What a replay did: the counts over every event it looked at, and the outcome of each of the first
     * {@value #MAX_EVENTS}.
     */
    public record ReplayReport(int examined, int applied, int alreadyApplied, int failed,
                               @Schema(maxItems = MAX_EVENTS) List<Outcome> events) {
    }

    /** The outcome for one event: APPLIED, ALREADY_APPLIED, FAILED (with the reason; it stays dead-lettered). */
    public record Outcome(UUID eventId, @Schema(maxLength = MAX_NAME) String type,
                          @Schema(maxLength = MAX_NAME) String subject, Instant time,
                          @Schema(enumeration = {"APPLIED", "ALREADY_APPLIED", "FAILED"}) String outcome,
                          @Schema(maxLength = MAX_REASON) String reason) {
        public Outcome {
            type = Problem.cut(type, MAX_NAME);
            subject = Problem.cut(subject, MAX_NAME);
            reason = Problem.cut(reason, MAX_REASON);
        }
    }

    private record Entry(ConsumerRecord<String, String> record, EventEnvelope event, Inbox.Registration registration,
                         String reason) {
    }

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The clinic's dead-lettered events, the oldest {@value #MAX_EVENTS} first, and whether each has been applied since. */
    public List<DeadLetter> list(UUID clinicId) {
        List<Entry> all = read(clinicId);
        List<Entry> entries = all.subList(0, Math.min(all.size(), MAX_EVENTS));
        Set<String> applied = applied(entries);
        List<DeadLetter> result = new ArrayList<>();
        for (Entry e : entries) {
            result.add(new DeadLetter(e.event().id(), e.event().type(), e.event().subject(), e.event().time(),
                    e.registration().topic(), e.reason(), Instant.ofEpochMilli(e.record().timestamp()),
                    applied.contains(e.registration().consumer() + "/" + e.event().id())));
        }
        return result;
    }

    /**
     * Re-applies the clinic's dead-lettered events, oldest first, counts the outcomes and lists those of the first
     * {@value #MAX_EVENTS}.
     */
    public ReplayReport replay(UUID clinicId) {
        List<Outcome> outcomes = new ArrayList<>();
        int applied = 0;
        int already = 0;
        int failed = 0;
        for (Entry e : read(clinicId)) {
            EventEnvelope event = e.event();
            try {
                // bounded even for a transient failure: the replay answers a request; what fails stays dead-lettered
                boolean ran = inbox.apply(e.registration().consumer(), e.registration().topic(), event,
                        e.registration().handler(), false);
                if (ran) {
                    applied++;
                } else {
                    already++;
                }
                outcomes.add(new Outcome(event.id(), event.type(), event.subject(), event.time(),
                        ran ? "APPLIED" : "ALREADY_APPLIED", null));
            } catch (RuntimeException failure) {
                failed++;
                outcomes.add(new Outcome(event.id(), event.type(), event.subject(), event.time(), "FAILED",
                        InboxMonitor.describe(failure)));
            }
        }
        LOG.infof("dead-letter replay for clinic %s: %d examined, %d applied, %d already applied, %d failed",
                clinicId, outcomes.size(), applied, already, failed);
        return new ReplayReport(outcomes.size(), applied, already, failed,
                outcomes.subList(0, Math.min(outcomes.size(), MAX_EVENTS)));
    }

    /** "consumer/eventId" of every listed event the inbox has applied since: one query, not one per event. */
    private Set<String> applied(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = entries.stream().map(e -> e.event().id()).distinct().toList();
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select consumer, event_id from inbox_event where event_id in (:ids)")
                    .setParameter("ids", ids)
                    .getResultList();
            Set<String> applied = new java.util.HashSet<>();
            for (Object[] row : rows) {
                applied.add(row[0] + "/" + row[1]);
            }
            return applied;
        });
    }

    /** The clinic's readable dead letters of every registered channel, oldest event first. */
    private List<Entry> read(UUID clinicId) {
        Map<String, Inbox.Registration> byTopic = inbox.registrations();
        Set<String> deadLetterTopics = new LinkedHashSet<>();
        for (Inbox.Registration r : byTopic.values()) {
            if (r.deadLetterTopic() != null) {
                deadLetterTopics.add(r.deadLetterTopic());
            }
        }
        List<Entry> entries = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (String topic : deadLetterTopics) {
            for (ConsumerRecord<String, String> record : readAll(topic)) {
                String original = header(record, "dead-letter-topic");
                Inbox.Registration registration = original == null ? null : byTopic.get(original);
                if (registration == null) {
                    continue; // not one of this service's channels
                }
                EventEnvelope event;
                try {
                    event = inbox.parse(record.value());
                } catch (RuntimeException unreadable) {
                    continue; // no clinic can be told from it: not a clinic's to see or replay
                }
                if (!clinicId.equals(event.clinicid()) || !seen.add(event.id())) {
                    continue;
                }
                entries.add(new Entry(record, event, registration, header(record, "dead-letter-reason")));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.event().time())
                .thenComparing(e -> e.record().timestamp()));
        return entries;
    }

    /**
     * How many records the dead-letter topic keeps (replayed or not, for its retention): the sum over its partitions of
     * end minus beginning offset; 0 for a topic that does not exist. Read from offsets only, no record is fetched.
     */
    long depth(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties("dead-letter-depth"))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return 0;
            }
            List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(all, READ_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, READ_TIMEOUT);
            return all.stream().mapToLong(p -> Math.max(0, end.getOrDefault(p, 0L) - begin.getOrDefault(p, 0L))).sum();
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException
                 | org.apache.kafka.common.errors.InvalidTopicException e) {
            return 0; // nothing was ever dead-lettered
        }
    }

    private Properties consumerProperties(String clientId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return props;
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties("dead-letter-reader"))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException
                 | org.apache.kafka.common.errors.InvalidTopicException e) {
            return records; // nothing was ever dead-lettered
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
