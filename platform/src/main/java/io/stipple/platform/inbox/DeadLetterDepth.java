package io.stipple.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dead-letter depth the alerts watch: {@code stipple_inbox_dead_letter_records{topic}}, the records each dead-letter
 * topic of this service's registered channels keeps ({@link DeadLetters#depth}), counted every
 * {@code stipple.inbox.dead-letter-depth-every} (default 60 s). A replayed event stays in the topic until its retention
 * ends, so the alert is on the depth growing; {@code GET /api/v1/admin/dead-letters} tells what is still unapplied.
 */
@ApplicationScoped
public class DeadLetterDepth {

    private static final Logger LOG = Logger.getLogger(DeadLetterDepth.class);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();

    @Scheduled(every = "${stipple.inbox.dead-letter-depth-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        for (Inbox.Registration registration : inbox.registrations().values()) {
            String topic = registration.deadLetterTopic();
            if (topic == null) {
                continue;
            }
            AtomicLong gauge = depth.computeIfAbsent(topic, t -> registry.gauge("stipple.inbox.dead.letter.records",
                    Tags.of("topic", t), new AtomicLong()));
            try {
                gauge.set(deadLetters.depth(topic));
            } catch (RuntimeException e) {
                // Kafka away: keep the last count; the consumers' own checks report the broker
                LOG.debugf("dead-letter depth of %s not measured: %s", topic, e.toString());
            }
        }
    }
}
