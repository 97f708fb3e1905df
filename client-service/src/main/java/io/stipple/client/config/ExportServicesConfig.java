package io.stipple.client.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Where the other services are, for the GDPR export archive ({@code GET /api/v1/clients/{id}/export/archive}),
 * which gathers booking-, gallery- and notification-service's parts server to server with the caller's token.
 */
@ConfigMapping(prefix = "stipple.services")
public interface ExportServicesConfig {

    /** booking-service's base URL, e.g. {@code http://booking-service} in the cluster (env BOOKING_SERVICE_URL). */
    String bookingUrl();

    /** gallery-service's base URL (env GALLERY_SERVICE_URL). */
    String galleryUrl();

    /** notification-service's base URL (env NOTIFICATION_SERVICE_URL). */
    String notificationUrl();

    /** Longest wait for one service's JSON part (connecting included); beyond it the export answers 503. */
    @WithDefault("10s")
    Duration timeout();

    /** Longest wait for one photo's bytes from gallery-service. */
    @WithDefault("60s")
    Duration photoTimeout();

    /** Seconds sent in Retry-After when a service could not give its part (503). */
    @WithDefault("30")
    int retryAfterSeconds();
}
