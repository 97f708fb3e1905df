package io.stipple.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "stipple.rate-limit")
public interface RateLimitConfig {

    /** Whether partner tokens are rate-limited. */
    @WithDefault("true")
    boolean enabled();

    /** Requests a partner of a clinic may make per window, to this service (all its replicas together). */
    @WithDefault("120")
    int partnerRequests();

    /** The window the limit counts over. */
    @WithDefault("PT1M")
    Duration window();
}
