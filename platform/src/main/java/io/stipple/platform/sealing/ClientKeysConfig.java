package io.stipple.platform.sealing;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where a consumer of sealed client events asks for a client's key: client-service. */
@ConfigMapping(prefix = "stipple.client-keys")
public interface ClientKeysConfig {

    /** client-service's base URL, e.g. {@code http://client-service} in the cluster (env CLIENT_SERVICE_URL). */
    Optional<String> url();
}
