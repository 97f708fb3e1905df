package io.stipple.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "stipple.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its first response are kept (at least 24 h, as clients are told). */
    @WithDefault("PT48H")
    Duration retention();

    /** After this long, a first request that never finished (its instance crashed) no longer blocks its key. */
    @WithDefault("PT2M")
    Duration abandonedAfter();
}
