package io.stipple.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "stipple.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for events committed by other replicas; local commits wake it at once. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Most events sent in one relay round. */
    @WithDefault("500")
    int batchSize();

    /** How long one round waits for the broker's acknowledgements before it gives up and retries. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Longest pause between rounds while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long relayed events stay in the table (for diagnosis) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
