package io.stipple.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long and how many verified bearer tokens are kept ({@link VerifiedTokenCache}); 0 entries turns it off. */
@ConfigMapping(prefix = "stipple.jwt.cache")
public interface JwtCacheConfig {

    /**
     * The longest a verified token is taken without verifying it again (never past its own {@code exp}); also the
     * longest a token signed with a withdrawn key is still accepted.
     */
    @WithDefault("PT1M")
    Duration ttl();

    /** At most this many tokens are kept (each ~1-2 KB with its parsed claims). */
    @WithDefault("1000")
    int maxEntries();
}
