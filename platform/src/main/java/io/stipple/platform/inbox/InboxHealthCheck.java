package io.stipple.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * Not ready while an event has been held back by a transient failure for longer than
 * {@code stipple.inbox.stuck-after}: the service is behind on decisions (a consent withdrawal, an erasure) and
 * its database needs attention. Readiness, not liveness: restarting the pod would not bring the database back,
 * and the event is applied as soon as it returns.
 */
@Readiness
@ApplicationScoped
public class InboxHealthCheck implements HealthCheck {

    @Inject
    InboxMonitor monitor;

    @Inject
    InboxConfig config;

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbox").up();
        var longest = monitor.longest();
        if (longest.isEmpty()) {
            return response.withData("retrying", 0).build();
        }
        InboxMonitor.Retrying r = longest.get();
        response.withData("retrying", monitor.retrying().size())
                .withData("longestSeconds", r.waited(now).toSeconds())
                .withData("consumer", r.consumer())
                .withData("eventType", r.eventType())
                .withData("eventId", r.eventId())
                .withData("lastFailure", r.lastFailure());
        if (r.waited(now).compareTo(config.stuckAfter()) > 0) {
            response.down();
        }
        return response.build();
    }
}
