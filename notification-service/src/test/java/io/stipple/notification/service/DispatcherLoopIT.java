package io.stipple.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.tenancy.Tenancy;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Mails;
import io.stipple.notification.domain.ReminderStatus;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The background loop sends a reminder within seconds of its due time, on the real clock. */
@QuarkusTest
class DispatcherLoopIT {

    @Inject
    DispatcherLoop loop;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @Test
    void a_reminder_goes_out_within_seconds_of_its_due_time() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String email = "loop-" + client + "@example.com";
        clock.reset(); // real time for this test
        Instant due = Instant.now().plusSeconds(2);
        Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into client_contact (client_id, clinic_id, first_name, email, preferred_channels, updated_at)
                            values (?1, ?2, 'Jo', ?3, 'EMAIL', now())""")
                    .setParameter(1, client).setParameter(2, clinic).setParameter(3, email).executeUpdate();
            em.createNativeQuery("""
                            insert into scheduled_reminder (id, clinic_id, client_id, type, channel, dedupe_key, status, due_at,
                                next_attempt_at, zone, payload, created_at, updated_at)
                            values (gen_random_uuid(), ?1, ?2, 'HEALED', 'EMAIL', 'loop|' || ?2, 'SCHEDULED', ?3, ?3, 'Europe/London',
                                '{"clinicName":"Loop Clinic","day":7}'::jsonb, now(), now())""")
                    .setParameter(1, clinic).setParameter(2, client).setParameter(3, due).executeUpdate();
        }));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> Mails.to(email).size() == 1);
            var sent = Db.remindersOfClient(client).get(0);
            assertThat(sent.status).isEqualTo(ReminderStatus.SENT);
            assertThat(sent.sentAt).isAfterOrEqualTo(due).isBefore(due.plusSeconds(5));
        } finally {
            loop.stop();
        }
    }
}
