package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stipple.booking.TestClinic;
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
import static io.stipple.booking.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentBookingTest {

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
                Map<String, Object> body = c.booking(UUID.randomUUID(), c.consultation, tech, "2030-01-08T10:00:00Z");
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
}
