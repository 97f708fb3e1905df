package io.stipple.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.tracing.TraceContext;
import io.stipple.platform.tracing.Tracing;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.stipple.platform.work.Backoff;
import io.stipple.platform.work.WorkerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, in insertion order.
 *
 * <p>One relay at a time per database, whatever the replica count: a round runs under a
 * transaction-scoped PostgreSQL advisory lock, so rows are sent in id order and a client's events keep
 * their order on the topic. A commit on this replica wakes the relay at once; rows committed elsewhere
 * are found by polling. While Kafka is unreachable the rows stay and are retried with backoff; a row
 * whose send is uncertain is sent again, which the consumers' inbox makes harmless. A row Kafka refuses for good
 * (too large, invalid topic, not authorised) is parked with its reason ({@code parked_at}, {@code parked_reason},
 * metric {@code stipple_outbox_parked_total}) and the rows after it go on.
 *
 * <p>The rounds run on the platform's {@link WorkerLoop} (thread {@code outbox-relay}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key (per database) held by the relay round in progress. */
    private static final long RELAY_LOCK = 0x5717_0B0CL;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracing tracing;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** How often the relay counts the rows waiting to be sent (the backlog gauges the alerts watch). */
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);

    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong pendingRows = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private Instant lastBacklogCheck = Instant.EPOCH;
    private volatile WorkerLoop worker;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Counter parked;
    private Instant lastCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        published = registry.counter("stipple.outbox.published");
        failures = registry.counter("stipple.outbox.failures");
        parked = registry.counter("stipple.outbox.parked");
        registry.gauge("stipple.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0);
        // the backlog: rows not sent yet (parked ones excluded) and the age of the oldest, counted by the relay's loop
        registry.gauge("stipple.outbox.pending.rows", pendingRows, AtomicLong::get);
        registry.gauge("stipple.outbox.oldest.pending.seconds", oldestPendingMillis, v -> v.get() / 1000.0);
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        // rounds back to back while batches come full, then woken by a commit or every poll interval; a failed round
        // (Kafka away) is retried after 200 ms doubling up to max-backoff
        worker = new WorkerLoop("outbox-relay", 1, this::round, sent -> sent == config.batchSize(),
                config::pollInterval, new Backoff(Duration.ofMillis(200), config.maxBackoff()), registry);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Asks for a round now (called after a transaction that wrote to the outbox commits). */
    public void wake() {
        WorkerLoop current = worker;
        if (current != null) {
            current.wake();
        }
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeoutMs = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(timeoutMs));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(1000, timeoutMs / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(timeoutMs));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    /** One turn of the worker: a batch; when the backlog is drained, the clean-up now and then. */
    private int round() {
        countBacklogNowAndThen();
        int sent;
        try {
            sent = relayOnce();
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
        if (sent < config.batchSize()) {
            cleanupNowAndThen();
        }
        return sent;
    }

    /**
     * Sends one batch of pending rows and marks them published, all in one transaction under the relay lock.
     *
     * @return how many rows were published (0 when another replica holds the lock)
     */
    public int relayOnce() {
        return Tenancy.acrossClinics("outbox relay", () -> QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, topic, message_key, payload, correlation_id, created_at, trace_parent, trace_state,
                                   event_id, event_type
                            from outbox_event where published_at is null and parked_at is null order by id limit :limit""")
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                lagMillis.set(0);
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            List<Span> spans = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        (String) row[1], (String) row[2], (String) row[3]);
                if (row[4] != null) {
                    record.headers().add(Correlation.KAFKA_HEADER, row[4].toString().getBytes(StandardCharsets.UTF_8));
                }
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                Span span = sendSpan(row);
                TraceContext sent = tracing.of(span);
                if (sent != null) {
                    // the consumer's span continues the trace from here (Inbox)
                    record.headers().add(TraceContext.TRACEPARENT, sent.traceparent().getBytes(StandardCharsets.UTF_8));
                    if (sent.tracestate() != null) {
                        record.headers().add(TraceContext.TRACESTATE, sent.tracestate().getBytes(StandardCharsets.UTF_8));
                    }
                }
                spans.add(span);
                acks.add(producer.send(record));
                ids.add(((Number) row[0]).longValue());
            }
            try {
                return send(rows, acks, ids, spans);
            } finally {
                spans.forEach(Span::end);
            }
        }));
    }

    /**
     * The PRODUCER span of one row's send, a child of the trace that published the event (stored with the row: the
     * request's or the consumed event's), or a new trace when none was active.
     */
    private Span sendSpan(Object[] row) {
        String topic = (String) row[1];
        String eventId = String.valueOf(row[8]);
        return tracing.start(topic + " publish", SpanKind.PRODUCER,
                TraceContext.of((String) row[6], (String) row[7]), Attributes.builder()
                        .put(Tracing.MESSAGING_SYSTEM, "kafka")
                        .put(Tracing.MESSAGING_OPERATION_TYPE, "send")
                        .put(Tracing.MESSAGING_DESTINATION, topic)
                        .put(Tracing.MESSAGING_MESSAGE_ID, eventId)
                        .put(Tracing.CLOUDEVENTS_ID, eventId)
                        .put(Tracing.CLOUDEVENTS_TYPE, String.valueOf(row[9]))
                        .build());
    }

    /** Waits for the batch's acknowledgements, parks what Kafka refuses for good, marks the rest published. */
    private int send(List<Object[]> rows, List<Future<RecordMetadata>> acks, List<Long> ids, List<Span> spans)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        producer.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> sent = new ArrayList<>(ids.size());
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(ids.get(i));
            } catch (ExecutionException e) {
                Tracing.failed(spans.get(i), e.getCause());
                if (!refusedForGood(e.getCause())) {
                    throw new IllegalStateException("Kafka did not take outbox row " + ids.get(i), e.getCause());
                }
                // the broker or the producer will never take this record: set it aside with the reason instead
                // of retrying it before every later row for ever
                park(ids.get(i), e.getCause());
            }
        }
        ids = sent;
        Object oldest = rows.get(0)[5];
        if (oldest instanceof java.time.OffsetDateTime odt) {
            lagMillis.set(Math.max(0, Duration.between(odt.toInstant(), Instant.now()).toMillis()));
        } else if (oldest instanceof Instant instant) {
            lagMillis.set(Math.max(0, Duration.between(instant, Instant.now()).toMillis()));
        }
        if (!ids.isEmpty()) {
            em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
            // an erased client's rows are not kept for the retention period once sent (ClientErasure)
            em.createNativeQuery("""
                            delete from outbox_event o using erased_subject e
                            where o.id in (:ids) and e.clinic_id = o.clinic_id and e.subject = o.message_key""")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        published.increment(ids.size());
        return rows.size();
    }

    /**
     * True for a send failure that no retry can fix: the record is too large, the topic is invalid, the producer
     * is not authorised, the record cannot be serialised. A retriable failure (timeouts, leader changes, the
     * broker away) is not: the round fails and is retried.
     */
    static boolean refusedForGood(Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.RetriableException
                || cause instanceof java.util.concurrent.TimeoutException) {
            return false;
        }
        return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                || cause instanceof org.apache.kafka.common.errors.InvalidTopicException
                || cause instanceof org.apache.kafka.common.errors.TopicAuthorizationException
                || cause instanceof org.apache.kafka.common.errors.SerializationException
                || cause instanceof org.apache.kafka.common.InvalidRecordException;
    }

    private void park(long id, Throwable reason) {
        String why = rootMessage(reason);
        em.createNativeQuery("update outbox_event set parked_at = now(), parked_reason = :reason where id = :id")
                .setParameter("reason", why.length() > 1000 ? why.substring(0, 1000) : why)
                .setParameter("id", id)
                .executeUpdate();
        parked.increment();
        LOG.errorf("outbox row %d parked, Kafka refused it for good: %s", id, why);
    }

    /**
     * Every {@link #BACKLOG_EVERY}: how many rows wait to be sent and how long the oldest has waited (database time;
     * a row dated ahead of it counts as 0 s). Every relaying replica counts, whether or not it holds the relay lock.
     */
    private void countBacklogNowAndThen() {
        if (Duration.between(lastBacklogCheck, Instant.now()).compareTo(BACKLOG_EVERY) < 0) {
            return;
        }
        lastBacklogCheck = Instant.now();
        Object[] backlog = Tenancy.acrossClinics("outbox backlog", () -> QuarkusTransaction.requiringNew().call(() ->
                (Object[]) em.createNativeQuery("""
                                select count(*), coalesce(greatest(0, extract(epoch from now() - min(created_at))), 0)
                                from outbox_event where published_at is null and parked_at is null""")
                        .getSingleResult()));
        pendingRows.set(((Number) backlog[0]).longValue());
        oldestPendingMillis.set(Math.round(((Number) backlog[1]).doubleValue() * 1000));
    }

    private void cleanupNowAndThen() {
        if (Duration.between(lastCleanup, Instant.now()).toMinutes() < 10) {
            return;
        }
        lastCleanup = Instant.now();
        Tenancy.acrossClinics("outbox clean-up", () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from outbox_event where published_at < now() - make_interval(secs => :secs)")
                .setParameter("secs", (double) config.retention().toSeconds())
                .executeUpdate()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
