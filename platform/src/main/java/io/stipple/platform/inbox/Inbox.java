package io.stipple.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.stipple.platform.correlation.Correlation;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.platform.tracing.TraceContext;
import io.stipple.platform.tracing.Tracing;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotent consumer. Records each applied event id in the same transaction as the handler's
 * effect, so a redelivered event changes nothing.
 *
 * <p>It never drops a decision because of the weather: a transient failure (the database restarting or
 * unreachable, a deadlock, a timeout: {@link Failures}) is retried with capped backoff for as long as it
 * lasts, holding back the later events of the partition (so a client's later events wait for its earlier
 * ones); {@link InboxMonitor} and the readiness check show it. Only a deterministic failure (not a CloudEvent,
 * off contract, refused by a rule, a bug) is rethrown after {@code stipple.inbox.attempts} tries, so the
 * Kafka connector's dead-letter strategy moves it aside with the reason and the consumer goes on; once the
 * cause is fixed, {@link DeadLetters} replays it. An event a handler declares not applicable yet
 * ({@link NotYetApplicableException}: a fact it needs travels on another topic and has not arrived) is held back the
 * same way, but only for the hold the handler names; then it is dead-lettered with the reason. The decisions are
 * {@link Attempts}'.
 *
 * <p>Use from a blocking {@code @Incoming} method:
 * <pre>{@code
 * @Incoming("client-events") @Blocking
 * public void onClientEvent(ConsumerRecord<String, String> record) {
 *     inbox.apply("booking-service", record, handlers::apply);
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    InboxConfig config;

    @Inject
    InboxMonitor monitor;

    @Inject
    Tracing tracing;

    private final Map<String, Registration> handlers = new ConcurrentHashMap<>();

    private volatile ObjectMapper lenient;

    /**
     * Applies a Kafka record once.
     *
     * @return true if the handler ran, false if this consumer had already applied the event
     */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        String previous = Correlation.current();
        String correlation = header(record, Correlation.KAFKA_HEADER);
        if (correlation != null) {
            Correlation.set(Correlation.acceptOrCreate(correlation));
        }
        // the handler runs in a CONSUMER span continuing the producer's trace (the outbox relay's traceparent header)
        TraceContext parent = TraceContext.of(header(record, TraceContext.TRACEPARENT), header(record, TraceContext.TRACESTATE));
        AttributesBuilder attributes = Attributes.builder()
                .put(Tracing.MESSAGING_SYSTEM, "kafka")
                .put(Tracing.MESSAGING_OPERATION_TYPE, "process")
                .put(Tracing.MESSAGING_DESTINATION, record.topic())
                .put(Tracing.MESSAGING_PARTITION, Integer.toString(record.partition()))
                .put(Tracing.MESSAGING_OFFSET, record.offset())
                .put(Tracing.MESSAGING_CONSUMER_GROUP, consumer);
        EventEnvelope event;
        try {
            event = parse(record.value());
        } catch (RuntimeException e) {
            Span span = tracing.start(record.topic() + " process", SpanKind.CONSUMER, parent, attributes.build());
            Tracing.failed(span, e);
            span.end();
            Correlation.set(previous);
            throw e;
        }
        Span span = tracing.start(event.eventName() + " process", SpanKind.CONSUMER, parent, attributes
                .put(Tracing.MESSAGING_MESSAGE_ID, event.id().toString())
                .put(Tracing.CLOUDEVENTS_ID, event.id().toString())
                .put(Tracing.CLOUDEVENTS_TYPE, event.type())
                .build());
        try (Scope ignored = span.makeCurrent()) {
            return apply(consumer, record.topic(), event, handler);
        } catch (RuntimeException e) {
            Tracing.failed(span, e);
            throw e;
        } finally {
            span.end();
            Correlation.set(previous);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Applies an already parsed event once (the same contract as the record variant). */
    public boolean apply(String consumer, String topic, EventEnvelope event, EventHandler handler) {
        return apply(consumer, topic, event, handler, true);
    }

    /**
     * Applies an event once; with {@code holdOnTransient} false a transient failure is given up after
     * {@code stipple.inbox.attempts} like any other and rethrown, and a not-yet-applicable event fails at once (a
     * replay answering an HTTP request must end).
     */
    boolean apply(String consumer, String topic, EventEnvelope event, EventHandler handler, boolean holdOnTransient) {
        if (event.correlationid() != null && Correlation.current() == null) {
            Correlation.set(Correlation.acceptOrCreate(event.correlationid()));
        }
        Attempts attempts = Attempts.of(config, holdOnTransient);
        Instant heldSince = null;
        int attempt = 0;
        boolean interrupted = false;
        try {
            while (true) {
                attempt++;
                try {
                    // the event's clinic is the tenant of everything the handler reads and writes (Row-Level Security)
                    return Tenancy.asClinic(event.clinicid(), () -> QuarkusTransaction.requiringNew()
                            .call(() -> applyInTransaction(consumer, topic, event, handler)));
                } catch (RuntimeException e) {
                    Attempts.Verdict verdict = attempts.failed(e);
                    switch (verdict.kind()) {
                        case GIVE_UP -> {
                            LOG.warnf("applying %s %s failed, giving up (attempt %d): %s", event.type(), event.id(),
                                    attempt, verdict.failure().toString());
                            if (holdOnTransient) {
                                monitor.deadLettered();
                            }
                            // to the dead-letter topic, with the reason; replayable once fixed
                            throw verdict.failure();
                        }
                        case HOLD_TRANSIENT -> {
                            // the database, not the event: hold this event (and so every later one of its partition,
                            // the client's among them) until it applies; never dead-letter a decision for this
                            if (heldSince == null) {
                                heldSince = Instant.now();
                            }
                            monitor.transientFailure(consumer, event.type(), event.id().toString(), heldSince, attempt, e);
                            LOG.warnf("applying %s %s failed transiently (attempt %d, held for %d s, retrying): %s",
                                    event.type(), event.id(), attempt,
                                    Duration.between(heldSince, Instant.now()).toSeconds(), InboxMonitor.describe(e));
                        }
                        case HOLD_NOT_YET -> {
                            // a fact it depends on (another topic's event) has not arrived: wait for it, bounded
                            if (heldSince == null) {
                                heldSince = Instant.now();
                            }
                            monitor.notYetApplicable(consumer, event.type(), event.id().toString(), heldSince, attempt,
                                    e, verdict.expectedHold());
                            LOG.infof("%s %s not applicable yet (attempt %d, held for %d s of at most %s, retrying): %s",
                                    event.type(), event.id(), attempt,
                                    Duration.between(heldSince, Instant.now()).toSeconds(), verdict.expectedHold(),
                                    InboxMonitor.describe(e));
                        }
                        case RETRY -> {
                            monitor.failedAndRetried();
                            LOG.warnf("applying %s %s failed (attempt %d of %d): %s", event.type(), event.id(),
                                    attempts.deterministicFailures(), attempts.attempts(), e.toString());
                        }
                    }
                    interrupted |= pause(verdict.pause().toMillis());
                }
            }
        } finally {
            if (heldSince != null) {
                monitor.settled(consumer, event.id().toString());
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Declares which handler applies the events of an incoming channel, so that dead-lettered events of its topic
     * can be replayed ({@link DeadLetters}). Call it from the consumer bean's {@code @PostConstruct}.
     */
    public void register(String channel, String consumer, EventHandler handler) {
        String topic = ConfigProvider.getConfig().getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                .orElse(channel);
        String deadLetterTopic = ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse(null);
        handlers.put(topic, new Registration(channel, topic, deadLetterTopic, consumer, handler));
    }

    /** The consumers registered by {@link #register}, by the topic they consume. */
    public Map<String, Registration> registrations() {
        return Map.copyOf(handlers);
    }

    /** One consuming channel: its topic, its dead-letter topic, the inbox consumer name and the handler. */
    public record Registration(String channel, String topic, String deadLetterTopic, String consumer,
                               EventHandler handler) {
    }

    /** Parses and validates a CloudEvent; a message that is not one is an {@link InvalidEventException}. */
    public EventEnvelope parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("empty message");
        }
        try {
            return lenient().readValue(value, EventEnvelope.class).validate();
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The event's data as the consumer's own record of it. Fields the consumer does not know are ignored
     * (producers may add fields within a schema version); data of the wrong shape is an invalid event.
     */
    public <T> T data(EventEnvelope event, Class<T> type) {
        try {
            T value = lenient().treeToValue(event.data(), type);
            if (value == null) {
                throw new InvalidEventException(event.type() + " has no data");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(event.type() + " data does not match " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    private ObjectMapper lenient() {
        if (lenient == null) {
            lenient = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        return lenient;
    }

    private boolean applyInTransaction(String consumer, String topic, EventEnvelope event, EventHandler handler) {
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type, topic)
                        values (:consumer, :eventId, :type, :topic) on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", topic)
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s already applied %s %s", consumer, event.type(), event.id());
            return false;
        }
        handler.handle(event);
        return true;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldEvents() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from inbox_event where received_at < now() - make_interval(secs => :secs)")
                .setParameter("secs", (double) config.retention().toSeconds())
                .executeUpdate());
    }

    /**
     * Waits before the next attempt. An interrupt does not end the wait early into a dead letter: the event is
     * either applied or left unacknowledged (redelivered after a restart); the interrupt is restored afterwards.
     *
     * @return true if the thread was interrupted meanwhile
     */
    private static boolean pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        boolean interrupted = false;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return interrupted;
            }
            try {
                Thread.sleep(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
