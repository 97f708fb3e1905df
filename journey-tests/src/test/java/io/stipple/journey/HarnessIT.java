package io.stipple.journey;

import io.stipple.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The harness itself does what the journey tests rely on: a shared movable clock, and a service killed and back. */
@ExtendWith(StippleSystem.class)
class HarnessIT {

    @Test
    void theServicesFollowTheSharedClockOffset() {
        UUID clinic = UUID.randomUUID();
        try {
            StippleSystem.setClockOffset(Duration.ofDays(10));
            Instant expected = StippleSystem.now();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Http.Reply r = register(clinic);
                assertThat(r.status()).as(r.describe()).isEqualTo(201);
                Instant createdAt = Instant.parse(Fixtures.json(r).path("createdAt").asText());
                assertThat(createdAt).isCloseTo(expected, within(Duration.ofMinutes(1)));
            });
        } finally {
            StippleSystem.setClockOffset(Duration.ZERO);
        }
        Http.Reply now = register(clinic);
        assertThat(Instant.parse(Fixtures.json(now).path("createdAt").asText()))
                .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    }

    @Test
    void aServiceKilledHardComesBackWithItsData() {
        UUID clinic = UUID.randomUUID();
        Http.Reply created = register(clinic);
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        String id = Fixtures.json(created).path("id").asText();

        StippleSystem.stopService(Service.CLIENT, true);
        assertThat(StippleSystem.stack().isRunning(Service.CLIENT)).isFalse();
        for (String instance : StippleSystem.instanceUrls(Service.CLIENT)) {
            Http.Reply down = Http.get(instance + "/q/health/live").send();
            assertThat(down.status()).as("nothing listens on " + instance + " while it is down").isEqualTo(-1);
        }
        // with replicas the proxy in front says no instance is there, as a load balancer would
        Http.Reply port = Http.get(StippleSystem.baseUrl(Service.CLIENT) + "/q/health/live").send();
        assertThat(port.status()).as("the service's port while it is down: " + port.describe())
                .isEqualTo(StippleSystem.REPLICAS == 1 ? -1 : 503);

        StippleSystem.startService(Service.CLIENT);
        Http.Reply back = Http.get(StippleSystem.baseUrl(Service.CLIENT) + "/api/v1/clients/" + id)
                .token(StippleSystem.staff(clinic)).send();
        assertThat(back.status()).as(back.describe()).isEqualTo(200);
    }

    private static Http.Reply register(UUID clinic) {
        return Http.post(StippleSystem.baseUrl(Service.CLIENT) + "/api/v1/clients").token(StippleSystem.staff(clinic))
                .json("""
                        {"firstName":"Harriet","lastName":"Harness","email":"harriet.%s@example.com",
                         "dateOfBirth":"1990-02-02","sex":"FEMALE","timeZone":"Europe/London","locale":"en-GB",
                         "marketingOptIn":false}""".formatted(UUID.randomUUID())).send();
    }
}
