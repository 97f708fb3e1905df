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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * The idempotent consumer. Records each applied event id in the same transaction as the handler's
 * effect, so a redelivered event changes nothing. A message that is not a valid CloudEvent, or whose
 * handler keeps failing, is rethrown so the Kafka connector's dead-letter strategy moves it aside with
 * the reason and the consumer goes on.
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

    private volatile ObjectMapper lenient;

    /**
     * Applies a Kafka record once.
     *
     * @return true if the handler ran, false if this consumer had already applied the event
     */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        String previous = Correlation.current();
        Header header = record.headers().lastHeader(Correlation.KAFKA_HEADER);
        if (header != null) {
            Correlation.set(Correlation.acceptOrCreate(new String(header.value(), StandardCharsets.UTF_8)));
        }
        try {
            return apply(consumer, record.topic(), parse(record.value()), handler);
        } finally {
            Correlation.set(previous);
        }
    }

    /** Applies an already parsed event once (the same contract as the record variant). */
    public boolean apply(String consumer, String topic, EventEnvelope event, EventHandler handler) {
        if (event.correlationid() != null && Correlation.current() == null) {
            Correlation.set(Correlation.acceptOrCreate(event.correlationid()));
        }
        RuntimeException last = null;
        long pause = config.backoff().toMillis();
        for (int attempt = 1; attempt <= Math.max(1, config.attempts()); attempt++) {
            try {
                // the event's clinic is the tenant of everything the handler reads and writes (Row-Level Security)
                return Tenancy.asClinic(event.clinicid(), () -> QuarkusTransaction.requiringNew()
                        .call(() -> applyInTransaction(consumer, topic, event, handler)));
            } catch (InvalidEventException e) {
                throw e; // never going to work: straight to the dead-letter topic
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("applying %s %s failed (attempt %d): %s", event.type(), event.id(), attempt, e.toString());
                if (attempt < config.attempts()) {
                    sleep(pause);
                    pause *= 2;
                }
            }
        }
        throw last;
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
