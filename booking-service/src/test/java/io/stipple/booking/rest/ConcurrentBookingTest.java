package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.TestClinic;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentBookingTest {

    @Inject
    ClientEventsFeeder feeder;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void aHundredConcurrentRequestsForTheSameTechnicianAndTimeGetOneBooking() throws Exception {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        TestClinic c = TestClinic.create();
        // enough rooms that only the technician can collide
        for (int i = 3; i <= 6; i++) {
            c.as(c.admin()).body(Map.of("name", "Room " + i)).post("/api/v1/clinics/" + c.id + "/rooms").then().statusCode(201);
        }
        String staff = c.staff();
        UUID tech = c.technicians.get(0);
        int requests = 100;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Map<String, Object> body = c.booking(feeder.registered(c.id), c.consultation, tech, "2030-01-08T10:00:00Z");
                answers.add(pool.submit(() -> {
                    start.await();
                    return c.as(staff).body(body).post("/api/v1/bookings");
                }));
            }
            start.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    created++;
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                    assertThat(r.jsonPath().getString("type")).isEqualTo(PROBLEM + "booking-conflict");
                    conflicts++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(conflicts).isEqualTo(99);
        } finally {
            pool.shutdownNow();
        }
        int stored = c.as(staff).get("/api/v1/bookings?technicianId=" + tech).then().statusCode(200)
                .extract().path("totalItems");
        assertThat(stored).isEqualTo(1);
    }

    /**
     * Session numbers, the number of sessions and the healing interval between them are read-then-write rules: the
     * plan's row is locked for each booking of its sessions, so concurrent requests are decided one after the other
     * (never two sessions taking the same number at once and the loser told to retry, never more than planned,
     * never two sessions closer than the interval).
     */
    @Test
    void concurrentBookingsOfOnePlansSessionsAreDecidedOneAtATime() throws Exception {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        TestClinic c = TestClinic.create();
        UUID client = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 2, 7); // 2 h sessions, 2 planned
        String staff = c.staff();
        List<String> days = List.of("2030-01-08", "2030-01-16", "2030-01-24", "2030-02-01", "2030-02-09", "2030-02-17");
        ExecutorService pool = Executors.newFixedThreadPool(days.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < days.size(); i++) {
                Map<String, Object> body = c.booking(client, c.smp, c.technicians.get(i % 2), days.get(i) + "T10:00:00Z");
                answers.add(pool.submit(() -> {
                    start.await();
                    return c.as(staff).body(body).post("/api/v1/bookings");
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    created++;
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
                    assertThat(r.jsonPath().getString("type")).isIn(PROBLEM + "plan-sessions-exhausted", PROBLEM + "healing-interval");
                }
            }
            assertThat(created).isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> numbers = c.as(staff).get("/api/v1/bookings?clientId=" + client).then().statusCode(200)
                .extract().path("items.sessionNumber");
        List<String> startsAt = c.as(staff).get("/api/v1/bookings?clientId=" + client).then().extract().path("items.startsAt");
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 2);
        if (startsAt.size() == 2) {
            // ordered by start: session 1 first, the second at least the healing interval later
            assertThat(numbers).containsExactly(1, 2);
            assertThat(java.time.Duration.between(Instant.parse(startsAt.get(0)), Instant.parse(startsAt.get(1))).toDays())
                    .isGreaterThanOrEqualTo(7);
        }
    }
}
