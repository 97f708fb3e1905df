package io.stipple.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "stipple.inbox")
public interface InboxConfig {

    /** Attempts for an event whose handler fails (a deadlock, a restarting database) before it is dead-lettered. */
    @WithDefault("3")
    int attempts();

    /** Pause before the second attempt; doubled for each further one. */
    @WithDefault("200ms")
    Duration backoff();

    /** How long applied event ids are remembered; far longer than any redelivery. */
    @WithDefault("P30D")
    Duration retention();
}
