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
 *
 * <p>An event held back by design because it is not applicable yet ({@link NotYetApplicableException}) counts only
 * from the end of its hold: waiting minutes for another topic's event is expected, and it is dead-lettered at the
 * end of its hold, so it makes the service unready only if the inbox is stuck beyond that.
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
        var worst = monitor.mostOverdue(now);
        if (worst.isEmpty()) {
            return response.withData("retrying", 0).build();
        }
        InboxMonitor.Retrying r = worst.get();
        response.withData("retrying", monitor.retrying().size())
                .withData("longestSeconds", r.waited(now).toSeconds())
                .withData("consumer", r.consumer())
                .withData("eventType", r.eventType())
                .withData("eventId", r.eventId())
                .withData("kind", r.kind().name())
                .withData("lastFailure", r.lastFailure());
        if (r.kind() == InboxMonitor.Kind.NOT_YET_APPLICABLE) {
            response.withData("holdSeconds", r.expectedHold().toSeconds());
        }
        if (r.overdue(now).compareTo(config.stuckAfter()) > 0) {
            response.down();
        }
        return response.build();
    }
}
