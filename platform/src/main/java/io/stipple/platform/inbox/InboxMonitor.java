package io.stipple.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the inbox is waiting on: every event being retried after a transient failure, since when and why. Read by
 * the readiness check ({@link InboxHealthCheck}) and exported as metrics:
 * {@code stipple_inbox_retrying_seconds} (the longest current wait), {@code stipple_inbox_retrying_events},
 * {@code stipple_inbox_transient_failures_total} and {@code stipple_inbox_dead_lettered_total}.
 */
@ApplicationScoped
public class InboxMonitor {

    /** An event held back: which consumer, which event, since when, the latest failure. */
    public record Retrying(String consumer, String eventType, String eventId, Instant since, int attempts,
                           String lastFailure) {
        public Duration waited(Instant now) {
            return Duration.between(since, now);
        }
    }

    @Inject
    MeterRegistry registry;

    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private Counter transientFailures;
    private Counter deadLettered;

    void start(@Observes StartupEvent event) {
        transientFailures = registry.counter("stipple.inbox.transient.failures");
        deadLettered = registry.counter("stipple.inbox.dead.lettered");
        registry.gauge("stipple.inbox.retrying.seconds", this,
                m -> m.longest().map(r -> r.waited(Instant.now()).toMillis() / 1000.0).orElse(0.0));
        registry.gauge("stipple.inbox.retrying.events", retrying, Map::size);
    }

    void transientFailure(String consumer, String eventType, String eventId, Instant since, int attempts,
                          Throwable failure) {
        retrying.put(key(consumer, eventId), new Retrying(consumer, eventType, eventId, since, attempts,
                describe(failure)));
        if (transientFailures != null) {
            transientFailures.increment();
        }
    }

    void settled(String consumer, String eventId) {
        retrying.remove(key(consumer, eventId));
    }

    void deadLettered() {
        if (deadLettered != null) {
            deadLettered.increment();
        }
    }

    /** Every event currently held back by a transient failure, longest first. */
    public List<Retrying> retrying() {
        return retrying.values().stream().sorted(Comparator.comparing(Retrying::since)).toList();
    }

    /** The event held back longest, if any. */
    public Optional<Retrying> longest() {
        return retrying.values().stream().min(Comparator.comparing(Retrying::since));
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
