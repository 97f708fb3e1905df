package io.stipple.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.tenancy.Tenancy;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Mails;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Several dispatchers at once (as several replicas would run them) send each due reminder exactly once. */
@QuarkusTest
class DispatcherConcurrencyIT {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @Test
    void two_dispatchers_over_1000_due_reminders_send_each_exactly_once() throws Exception {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String email = "concurrency-" + client + "@example.com";
        Instant due = Instant.parse("2027-03-01T10:00:00Z");
        Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into client_contact (client_id, clinic_id, first_name, email, preferred_channels, updated_at)
                            values (?1, ?2, 'Kim', ?3, 'EMAIL', now())""")
                    .setParameter(1, client).setParameter(2, clinic).setParameter(3, email).executeUpdate();
            em.createNativeQuery("""
                            insert into scheduled_reminder (id, clinic_id, client_id, type, channel, dedupe_key, status, due_at,
                                next_attempt_at, zone, payload, created_at, updated_at)
                            select gen_random_uuid(), ?1, ?2, 'HEALED', 'EMAIL', 'concurrency|' || ?1 || '|' || g, 'SCHEDULED', ?3, ?3,
                                'Europe/London', '{"clinicName":"Concurrency Clinic","day":7}'::jsonb, now(), now()
                            from generate_series(1, 1000) g""")
                    .setParameter(1, clinic).setParameter(2, client).setParameter(3, due).executeUpdate();
        }));
        clock.set(due.plusSeconds(1));

        Callable<Integer> loop = () -> {
            int handled = 0;
            int round;
            // 2 x 40 in flight over a pool of 20 SMTP sessions: the sender queues the rest (this load used to leave
            // sends hanging in the mail client's pool, see EmailSender)
            while ((round = dispatcher.runOnce(40)) > 0) {
                handled += round;
            }
            return handled;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(loop);
            Future<Integer> second = pool.submit(loop);
            int a = first.get(120, TimeUnit.SECONDS);
            int b = second.get(120, TimeUnit.SECONDS);
            assertThat(a).as("first dispatcher").isPositive();
            assertThat(b).as("second dispatcher").isPositive();
            assertThat(a + b).isGreaterThanOrEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }

        assertThat(Db.count("select count(*) from scheduled_reminder where clinic_id = ?1 and status = 'SENT'", clinic))
                .as(() -> "not sent: " + Db.remindersOfClinic(clinic).stream().filter(r -> r.lastError != null)
                        .map(r -> r.status + " " + r.lastError).distinct().toList())
                .isEqualTo(1000);
        assertThat(Db.count("select max(attempts) from scheduled_reminder where clinic_id = ?1", clinic)).isEqualTo(1);
        List<MimeMessage> received = Mails.to(email);
        assertThat(received).hasSize(1000);
        assertThat(received.stream().map(m -> Mails.header(m, "X-Stipple-Reminder-Id")).distinct().count()).isEqualTo(1000);
        assertThat(received.stream().map(m -> Mails.header(m, "Message-ID")).distinct().count()).isEqualTo(1000);
    }
}
