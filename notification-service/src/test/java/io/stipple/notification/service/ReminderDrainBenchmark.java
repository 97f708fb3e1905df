package io.stipple.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.platform.tenancy.Tenancy;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.ChannelsTestResource;
import io.stipple.notification.Db;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drains 100,000 due email reminders (1,000 clients, rendered from the templates) through the real
 * dispatcher into a local SMTP server (GreenMail) and reports the rate. Not part of the normal test run:
 * {@code ./mvnw -pl notification-service -Pbench verify}. Sizes: {@code -Dbench.reminders},
 * {@code -Dbench.dispatchers}, {@code -Dbench.batch}.
 */
@QuarkusTest
class ReminderDrainBenchmark {

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @Test
    void drain_due_reminders_through_smtp() throws Exception {
        int reminders = Integer.getInteger("bench.reminders", 100_000);
        int dispatchers = Integer.getInteger("bench.dispatchers", 6);
        int batch = Integer.getInteger("bench.batch", 400);
        int clients = 1_000;
        UUID clinic = UUID.randomUUID();
        Instant due = Instant.parse("2028-01-10T10:00:00Z");

        long seeded = System.nanoTime();
        Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            em.createNativeQuery("""
                            insert into client_contact (client_id, clinic_id, first_name, email, preferred_channels, updated_at)
                            select md5(?1 || '-' || g)::uuid, ?1, 'Client ' || g, 'bench-' || g || '@bench.example.com', 'EMAIL', now()
                            from generate_series(1, ?2) g""")
                    .setParameter(1, clinic).setParameter(2, clients).executeUpdate();
            em.createNativeQuery("""
                            insert into scheduled_reminder (id, clinic_id, client_id, booking_id, type, channel, dedupe_key, status,
                                due_at, next_attempt_at, zone, locale, payload, created_at, updated_at)
                            select gen_random_uuid(), ?1, md5(?1 || '-' || (1 + g % ?3))::uuid, gen_random_uuid(), 'APPOINTMENT_REMINDER',
                                'EMAIL', 'bench|' || ?1 || '|' || g, 'SCHEDULED', ?4, ?4, 'Europe/London', 'en-GB',
                                jsonb_build_object('clinicName', 'Bench Clinic', 'clinicTimeZone', 'Europe/London',
                                    'startsAt', '2028-01-12T10:00:00Z', 'treatmentName', 'SMP session', 'technicianName', 'Alex',
                                    'preparationNotes', 'Shave the evening before.'),
                                now(), now()
                            from generate_series(1, ?2) g""")
                    .setParameter(1, clinic).setParameter(2, reminders).setParameter(3, clients).setParameter(4, due)
                    .executeUpdate();
        }));
        em.getEntityManagerFactory().getCache().evictAll();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze scheduled_reminder").executeUpdate());
        System.out.printf(Locale.ROOT, "BENCHMARK seeded %d reminders in %.1f s%n", reminders, (System.nanoTime() - seeded) / 1e9);
        int mailsBefore = ChannelsTestResource.greenMail().getReceivedMessages().length;
        clock.set(due.plusSeconds(1));

        ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
        long start = System.nanoTime();
        List<Future<Integer>> loops = new ArrayList<>();
        for (int i = 0; i < dispatchers; i++) {
            loops.add(pool.submit(() -> {
                int handled = 0;
                int round;
                while ((round = dispatcher.runOnce(batch)) > 0) {
                    handled += round;
                }
                return handled;
            }));
        }
        int handled = 0;
        for (Future<Integer> loop : loops) {
            handled += loop.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        long sent = Db.count("select count(*) from scheduled_reminder where clinic_id = ?1 and status = 'SENT'", clinic);
        int mails = ChannelsTestResource.greenMail().getReceivedMessages().length - mailsBefore;
        String line = String.format(Locale.ROOT,
                "BENCHMARK drained %d due reminders (%d sent, %d received by SMTP) with %d dispatchers x batch %d in %.2f s = %.0f reminders/s",
                handled, sent, mails, dispatchers, batch, seconds, sent / seconds);
        System.out.println(line);
        Files.writeString(Path.of("target", "benchmark.txt"), line + System.lineSeparator());
        assertThat(sent).isEqualTo(reminders);
        assertThat(mails).isGreaterThanOrEqualTo(reminders);
        assertThat(Duration.ofNanos((long) (seconds * 1e9))).isPositive();
    }
}
