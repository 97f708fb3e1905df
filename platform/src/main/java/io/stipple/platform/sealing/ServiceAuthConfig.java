package io.stipple.platform.sealing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * How a service gets its own token to call another Stipple service (OAuth 2.0 client credentials against the
 * identity provider's token endpoint). Only services that call another service server to server set it.
 */
@ConfigMapping(prefix = "stipple.service-auth")
public interface ServiceAuthConfig {

    /** The identity provider's token endpoint (env SERVICE_TOKEN_URL). */
    Optional<String> tokenUrl();

    /** This service's client id at the identity provider (env SERVICE_CLIENT_ID); tokens carry it as {@code sub}. */
    Optional<String> clientId();

    /** The client secret (env SERVICE_CLIENT_SECRET, from a Secret; never committed). */
    Optional<String> clientSecret();

    /** Longest wait for the token endpoint or the called service. */
    @WithDefault("5s")
    Duration timeout();
}
