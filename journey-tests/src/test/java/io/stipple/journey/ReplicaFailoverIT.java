package io.stipple.journey;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stipple.stack.Service;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.PATIENCE;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.at;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One of two booking-service replicas crashes (SIGKILL) while the front desk books and availability is read through
 * the proxy: the other instance keeps serving (no read fails once the crash is over; only requests in flight to the
 * dead instance at that moment fail, and the front end retries those with the same Idempotency-Key), and nothing is
 * lost: every booking exists once, its BookingConfirmed is on the topic once, notification-service plans its reminder.
 * Skipped when the journey runs one instance of each service.
 */
@ExtendWith(StippleSystem.class)
class ReplicaFailoverIT {

    private static final int BOOKINGS = 6;

    /** One read: when it was sent (nanoTime) and its status (-1: no HTTP answer). */
    private record Read(long sentAt, int status) {
    }

    @BeforeAll
    static void onTwoReplicas() {
        assumeTrue(StippleSystem.REPLICAS >= 2, "the journey runs one instance of each service (-Dstipple.journey.replicas=1)");
    }

    @Test
    void one_booking_replica_killed_hard_mid_load_the_other_keeps_serving_and_nothing_is_lost() throws Exception {
        Clinic clinic = new Clinic().setUp();
        List<Clinic.Client> clients = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(StippleSystem.now(), LONDON).plusDays(3);
        for (int i = 0; i < BOOKINGS; i++) {
            Clinic.Client c = clinic.clientWithAgreedPlan("Failover" + i, List.of("TREATMENT"));
            clinic.availabilityOnceKnown(c, first.plusDays(i));
            clients.add(c);
        }
        String availability = url(Service.BOOKING, "/api/v1/availability?treatmentId=" + clinic.smpTreatmentId
                + "&clientId=" + clients.get(0).id() + "&from=" + first + "&to=" + first.plusDays(6));

        ExecutorService load = Executors.newFixedThreadPool(4);
        AtomicBoolean reading = new AtomicBoolean(true);
        Queue<Read> reads = new ConcurrentLinkedQueue<>();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch twoBooked = new CountDownLatch(2);
        long killed;
        List<String> ids;
        try {
            for (int r = 0; r < 3; r++) {
                load.execute(() -> {
                    while (reading.get()) {
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = as(clinic.staff).get(availability).statusCode();
                        } catch (RuntimeException e) {
                            status = -1;
                        }
                        reads.add(new Read(sent, status));
                    }
                });
            }
            Future<List<String>> booked = load.submit(() -> {
                List<String> made = new ArrayList<>();
                for (int i = 0; i < BOOKINGS; i++) {
                    made.add(book(clinic, clients.get(i), first.plusDays(i), retries));
                    twoBooked.countDown();
                }
                return made;
            });
            assertThat(twoBooked.await(2, TimeUnit.MINUTES)).isTrue();
            StippleSystem.stopInstance(Service.BOOKING, 2, true);
            killed = System.nanoTime();
            ids = booked.get(5, TimeUnit.MINUTES);
            // reads go on a moment after the last booking, all on the surviving instance
            int after = reads.size() + 20;
            await().atMost(Duration.ofSeconds(30)).until(() -> reads.size() >= after);
        } finally {
            reading.set(false);
            load.shutdown();
            load.awaitTermination(1, TimeUnit.MINUTES);
            StippleSystem.startInstance(Service.BOOKING, 2);
        }

        // a read sent before the crash was over may have been in flight to the dead instance; one sent after may not fail
        List<Read> failedAfter = reads.stream().filter(r -> r.sentAt() > killed && r.status() != 200).toList();
        List<Integer> failedAtKill = reads.stream().filter(r -> r.sentAt() <= killed && r.status() != 200)
                .map(Read::status).toList();

        // nothing lost: each booking once, confirmed; its event once on the topic; its reminder planned
        assertThat(ids).doesNotHaveDuplicates().hasSize(BOOKINGS);
        for (String id : ids) {
            Response b = as(clinic.staff).get(url(Service.BOOKING, "/api/v1/bookings/" + id));
            assertThat(b.statusCode()).as(b.asString()).isEqualTo(200);
            assertThat(b.jsonPath().getString("status")).isEqualTo("CONFIRMED");
        }
        Map<String, Long> confirmedEvents;
        try (TopicProbe topic = new TopicProbe(StippleSystem.kafka().bootstrapServers(), "stipple.bookings")) {
            Set<String> wanted = Set.copyOf(ids);
            topic.awaitRecords(r -> r.value().contains("io.stipple.BookingConfirmed") && wanted.stream().anyMatch(r.value()::contains),
                    BOOKINGS, PATIENCE);
            List<ConsumerRecord<String, String>> all = topic.drain(Duration.ofSeconds(2));
            confirmedEvents = all.stream().map(r -> JsonPath.from(r.value()))
                    .filter(e -> "io.stipple.BookingConfirmed".equals(e.getString("type")) && wanted.contains(e.getString("data.bookingId")))
                    .collect(Collectors.groupingBy(e -> e.getString("id"), Collectors.counting()));
        }
        for (String id : ids) {
            await("appointment reminder of " + id).atMost(PATIENCE).until(() -> {
                Response r = as(clinic.staff).get(url(Service.NOTIFICATION,
                        "/api/v1/notifications?type=APPOINTMENT_REMINDER&bookingId=" + id));
                return r.statusCode() == 200 && !r.jsonPath().getList("items").isEmpty();
            });
        }
        System.out.printf("ReplicaFailoverIT: booking-service instance 2 SIGKILLed after 2 of %d bookings; reads %d "
                        + "(in flight to it at the kill and failed %s, sent after the kill and failed %d); bookings made %d (front-end retries %d); "
                        + "BookingConfirmed on the topic %d (published twice %d); reminders planned for %d; proxy %s%n",
                BOOKINGS, reads.size(), failedAtKill, failedAfter.size(), ids.size(), retries.get(),
                confirmedEvents.size(), confirmedEvents.values().stream().filter(n -> n > 1).count(), ids.size(),
                StippleSystem.stack().proxy(Service.BOOKING).map(Object::toString).orElse("-"));
        assertThat(failedAfter).as("reads that failed once the crash was over").isEmpty();
        assertThat(confirmedEvents).hasSize(BOOKINGS);
        assertThat(confirmedEvents.values()).as("BookingConfirmed published twice").allMatch(n -> n == 1);
    }

    /**
     * Books as the front desk would: a call that got no answer of the service (the proxy's 502 for a request in flight
     * to the crashed instance, or 409 while that request's Idempotency-Key is still claimed) is retried with the same
     * key until it is answered.
     */
    private static String book(Clinic clinic, Clinic.Client client, LocalDate day, AtomicInteger retries) {
        String key = "failover-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("clientId", client.id(), "treatmentId", clinic.smpTreatmentId,
                "technicianId", clinic.technicianId, "startsAt", at(day, "08:00").toString());
        Response created = await("booking of " + client.firstName()).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    try {
                        Response r = as(clinic.staff).header("Idempotency-Key", key).body(body)
                                .post(url(Service.BOOKING, "/api/v1/bookings"));
                        if (r.statusCode() == 201) {
                            return r;
                        }
                        assertThat(r.statusCode()).as(r.asString()).isIn(409, 502, 503);
                        if (r.statusCode() == 409) {
                            assertThat(r.asString()).contains("idempotency-key-in-use");
                        }
                    } catch (RuntimeException noAnswer) {
                        // the connection broke: retried like a 502
                    }
                    retries.incrementAndGet();
                    return null;
                }, r -> r != null);
        return created.jsonPath().getString("id");
    }
}
