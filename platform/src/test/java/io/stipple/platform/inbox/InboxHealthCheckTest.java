package io.stipple.platform.inbox;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboxHealthCheckTest {

    private final InboxMonitor monitor = new InboxMonitor();
    private final InboxHealthCheck check = new InboxHealthCheck();

    InboxHealthCheckTest() {
        check.monitor = monitor;
        check.config = new InboxConfig() {
            public int attempts() {
                return 3;
            }

            public Duration backoff() {
                return Duration.ofMillis(200);
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(15);
            }

            public Duration stuckAfter() {
                return Duration.ofMinutes(1);
            }

            public Duration retention() {
                return Duration.ofDays(30);
            }
        };
    }

    private static Instant ago(Duration d) {
        return Instant.now().minus(d);
    }

    private static RuntimeException notYet() {
        return new NotYetApplicableException("client c1 unknown in clinic k1", Duration.ofMinutes(5));
    }

    @Test
    void an_event_held_by_design_within_its_hold_keeps_the_service_ready_and_is_shown() {
        String id = UUID.randomUUID().toString();
        monitor.notYetApplicable("svc", "io.stipple.BookingConfirmed", id, ago(Duration.ofMinutes(4)), 12, notYet(),
                Duration.ofMinutes(5));
        HealthCheckResponse response = check.call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("eventId", id)
                .containsEntry("kind", "NOT_YET_APPLICABLE").containsEntry("retrying", 1L);
        assertThat(response.getData().orElseThrow().get("lastFailure").toString()).contains("unknown in clinic k1");
    }

    @Test
    void an_event_held_by_design_past_its_hold_and_stuck_after_makes_the_service_unready() {
        monitor.notYetApplicable("svc", "io.stipple.BookingConfirmed", UUID.randomUUID().toString(),
                ago(Duration.ofMinutes(7)), 40, notYet(), Duration.ofMinutes(5));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void a_transient_failure_past_stuck_after_is_unready_even_next_to_a_longer_hold_by_design() {
        monitor.notYetApplicable("svc", "io.stipple.BookingConfirmed", UUID.randomUUID().toString(),
                ago(Duration.ofMinutes(4)), 12, notYet(), Duration.ofMinutes(5));
        String stuck = UUID.randomUUID().toString();
        monitor.transientFailure("svc", "io.stipple.ConsentWithdrawn", stuck, ago(Duration.ofMinutes(2)), 9,
                new IllegalStateException("database away"));
        HealthCheckResponse response = check.call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("eventId", stuck).containsEntry("kind", "TRANSIENT")
                .containsEntry("retrying", 2L);
    }

    @Test
    void nothing_held_is_ready() {
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
