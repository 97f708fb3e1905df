package io.stipple.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "stipple.inbox")
public interface InboxConfig {

    /**
     * Attempts for an event whose handler fails deterministically (off contract, refused by a rule, a bug) before it
     * is dead-lettered. A transient failure (the database unavailable, a deadlock, a timeout: {@link Failures}) is
     * retried for as long as it lasts and never dead-letters the event.
     */
    @WithDefault("3")
    int attempts();

    /** Pause before the second attempt; doubled for each further one, up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration backoff();

    /** The longest pause between two attempts of an event held back by a transient failure. */
    @WithDefault("15s")
    Duration maxBackoff();

    /**
     * An event still not applied after retrying this long makes the service not ready ({@code /q/health/ready},
     * check "inbox") and shows in {@code stipple_inbox_retrying_seconds}: a consumer is stuck and someone should
     * look at the database.
     */
    @WithDefault("1m")
    Duration stuckAfter();

    /** How long applied event ids are remembered; far longer than any redelivery. */
    @WithDefault("P30D")
    Duration retention();
}
