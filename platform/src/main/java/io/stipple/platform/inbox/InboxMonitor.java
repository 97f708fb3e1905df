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
 * What the inbox is waiting on: every event held back, after a transient failure or because it is not applicable
 * yet ({@link NotYetApplicableException}), since when and why. Read by the readiness check
 * ({@link InboxHealthCheck}) and exported as metrics: {@code stipple_inbox_retrying_seconds} (the longest current
 * wait, of either kind), {@code stipple_inbox_retrying_events}, {@code stipple_inbox_transient_failures_total},
 * {@code stipple_inbox_not_yet_applicable_total}, {@code stipple_inbox_dead_lettered_total} and
 * {@code stipple_inbox_retries_total{kind=transient|not_yet_applicable|failed}} (every attempt that is tried again: the
 * consumer retry rate the alerts watch).
 */
@ApplicationScoped
public class InboxMonitor {

    /** Why an event is held back. */
    public enum Kind {
        /** The database or a dependency failed in a way that passes: held for as long as it lasts. */
        TRANSIENT,
        /** A fact it depends on has not arrived yet: held for at most its hold, then dead-lettered. */
        NOT_YET_APPLICABLE
    }

    /**
     * An event held back: which consumer, which event, since when, the latest failure, and how long it may be held by
     * design ({@code expectedHold}: zero for a transient failure, the hold for a not-yet-applicable event).
     */
    public record Retrying(String consumer, String eventType, String eventId, Instant since, int attempts,
                           String lastFailure, Kind kind, Duration expectedHold) {
        public Duration waited(Instant now) {
            return Duration.between(since, now);
        }

        /** How long it has waited beyond what it may by design: what the readiness check compares with stuck-after. */
        public Duration overdue(Instant now) {
            Duration over = waited(now).minus(expectedHold);
            return over.isNegative() ? Duration.ZERO : over;
        }
    }

    @Inject
    MeterRegistry registry;

    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private Counter transientFailures;
    private Counter deadLettered;
    private Counter notYetApplicable;
    private Counter transientRetries;
    private Counter notYetApplicableRetries;
    private Counter failedRetries;

    void start(@Observes StartupEvent event) {
        transientRetries = registry.counter("stipple.inbox.retries", "kind", "transient");
        notYetApplicableRetries = registry.counter("stipple.inbox.retries", "kind", "not_yet_applicable");
        failedRetries = registry.counter("stipple.inbox.retries", "kind", "failed");
        transientFailures = registry.counter("stipple.inbox.transient.failures");
        deadLettered = registry.counter("stipple.inbox.dead.lettered");
        notYetApplicable = registry.counter("stipple.inbox.not.yet.applicable");
        registry.gauge("stipple.inbox.retrying.seconds", this,
                m -> m.longest().map(r -> r.waited(Instant.now()).toMillis() / 1000.0).orElse(0.0));
        registry.gauge("stipple.inbox.retrying.events", retrying, Map::size);
    }

    void transientFailure(String consumer, String eventType, String eventId, Instant since, int attempts,
                          Throwable failure) {
        retrying.put(key(consumer, eventId), new Retrying(consumer, eventType, eventId, since, attempts,
                describe(failure), Kind.TRANSIENT, Duration.ZERO));
        if (transientFailures != null) {
            transientFailures.increment();
            transientRetries.increment();
        }
    }

    void notYetApplicable(String consumer, String eventType, String eventId, Instant since, int attempts,
                          Throwable failure, Duration expectedHold) {
        retrying.put(key(consumer, eventId), new Retrying(consumer, eventType, eventId, since, attempts,
                describe(failure), Kind.NOT_YET_APPLICABLE, expectedHold));
        if (notYetApplicable != null) {
            notYetApplicable.increment();
            notYetApplicableRetries.increment();
        }
    }

    /** A deterministic failure that is tried again (not yet the last attempt). */
    void failedAndRetried() {
        if (failedRetries != null) {
            failedRetries.increment();
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

    /** Every event currently held back (transient failure or not applicable yet), longest first. */
    public List<Retrying> retrying() {
        return retrying.values().stream().sorted(Comparator.comparing(Retrying::since)).toList();
    }

    /** The event held back longest, if any. */
    public Optional<Retrying> longest() {
        return retrying.values().stream().min(Comparator.comparing(Retrying::since));
    }

    /** The event furthest beyond the hold it may have by design (see {@link Retrying#overdue}), if any is held. */
    public Optional<Retrying> mostOverdue(Instant now) {
        return retrying.values().stream().max(Comparator.comparing((Retrying r) -> r.overdue(now))
                .thenComparing(Retrying::since, Comparator.reverseOrder()));
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
