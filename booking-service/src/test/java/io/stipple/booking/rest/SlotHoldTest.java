package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stipple.booking.ClinicScenario;
import io.stipple.booking.Events;
import io.stipple.booking.TestClinic;
import io.stipple.booking.service.HoldSweeper;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Slot holds over the API and the real database: a held slot is taken for everybody else under the same exclusion
 * constraints as a booking, confirming it makes the booking (same id, BookingConfirmed once), and a hold that is
 * released or runs out frees the time at once — no sweeper needed for availability or the next booking.
 */
@QuarkusTest
class SlotHoldTest extends ClinicScenario {

    static final String SLOT = "2030-01-08T10:00:00Z";

    @Inject
    HoldSweeper sweeper;

    private List<String> freeStarts() {
        return c.as(c.staff()).get("/api/v1/availability?treatmentId=" + c.consultation + "&clientId=" + feeder.registered(c.id)
                        + "&from=2030-01-08&to=2030-01-08&technicianId=" + tech())
                .then().statusCode(200).extract().path("slots.startsAt");
    }

    private long published(String eventName, String bookingId) {
        return probe.seen().stream().map(ConsumerRecord::value)
                .filter(v -> v.contains("\"io.stipple." + eventName + "\"") && v.contains(bookingId)).count();
    }

    @Test
    void aHeldSlotIsTakenUntilConfirmedAndConfirmingMakesTheSameBookingOnce() {
        UUID client = feeder.registered(c.id);
        Response held = c.as(c.staff()).body(c.booking(client, c.consultation, tech(), SLOT)).post("/api/v1/bookings/holds");
        held.then().statusCode(201)
                .body("status", equalTo("HELD"))
                .body("holdExpiresAt", equalTo("2030-01-07T08:05:00Z"));
        String id = held.path("id");
        assertThat(held.header("Location")).endsWith("/api/v1/bookings/" + id);

        // taken for everybody else: availability, a booking and another hold
        assertThat(freeStarts()).doesNotContain(SLOT);
        c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT)).post("/api/v1/bookings")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "booking-conflict"));
        c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T10:15:00Z"))
                .post("/api/v1/bookings/holds").then().statusCode(409).body("type", equalTo(PROBLEM + "booking-conflict"));
        // a hold publishes nothing; the front desk sees it in the calendar
        c.as(c.staff()).get("/api/v1/bookings?status=HELD").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));

        CLOCK.set(NOW.plus(Duration.ofMinutes(4)));
        c.as(c.staff()).body(Map.of("preparationNotes", "Shave the head the day before"))
                .post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("CONFIRMED"))
                .body("preparationNotes", equalTo("Shave the head the day before"));
        Events.await(probe, "BookingConfirmed", id);
        c.as(c.staff()).post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "illegal-transition"));
        // confirmed, the time stays taken after the hold time
        CLOCK.set(NOW.plus(Duration.ofMinutes(30)));
        assertThat(freeStarts()).doesNotContain(SLOT);
        // a later event of the same client proves the relay went past: BookingConfirmed was published exactly once
        c.as(c.staff()).body(Map.of("reason", "Client is unwell")).post("/api/v1/bookings/" + id + "/cancel").then().statusCode(200);
        Events.await(probe, "BookingCancelled", id);
        assertThat(published("BookingConfirmed", id)).isEqualTo(1);
    }

    @Test
    void aHoldThatRunsOutFreesTheSlotAtOnceForTheNextRequest() {
        String id = c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT))
                .post("/api/v1/bookings/holds").then().statusCode(201).extract().path("id");
        assertThat(freeStarts()).doesNotContain(SLOT);

        // one second after the hold ran out, with no sweep: free in availability and bookable
        CLOCK.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(freeStarts()).contains(SLOT);
        String next = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT));
        c.as(c.staff()).get("/api/v1/bookings/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        c.as(c.staff()).post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "hold-expired"));
        c.as(c.staff()).get("/api/v1/bookings/" + next).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aHoldThatRanOutCannotBeConfirmedEvenBeforeTheSweeperMarksIt() {
        String id = c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT))
                .post("/api/v1/bookings/holds").then().statusCode(201).extract().path("id");
        CLOCK.set(NOW.plus(Duration.ofMinutes(5)));
        c.as(c.staff()).post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "hold-expired"));
        c.as(c.staff()).get("/api/v1/bookings/" + id).then().body("status", equalTo("HELD"));
        assertThat(sweeper.expireRunOutHolds()).isGreaterThanOrEqualTo(1);
        c.as(c.staff()).get("/api/v1/bookings/" + id).then().body("status", equalTo("EXPIRED"));
        c.as(c.staff()).post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "hold-expired"));
    }

    @Test
    void aReleasedHoldFreesTheSlotAtOnce() {
        UUID client = feeder.registered(c.id);
        String id = c.as(c.client(client)).body(c.booking(client, c.consultation, tech(), SLOT))
                .post("/api/v1/bookings/holds").then().statusCode(201).extract().path("id");
        assertThat(freeStarts()).doesNotContain(SLOT);
        c.as(c.client(client)).delete("/api/v1/bookings/holds/" + id).then().statusCode(204);
        assertThat(freeStarts()).contains(SLOT);
        c.as(c.staff()).get("/api/v1/bookings/" + id).then().body("status", equalTo("RELEASED"));
        c.as(c.client(client)).delete("/api/v1/bookings/holds/" + id).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "illegal-transition"));
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT));
    }

    @Test
    void onlyCallersAllowedToBookTheClientHoldConfirmOrRelease() {
        UUID me = feeder.registered(c.id);
        UUID other = feeder.registered(c.id);
        UUID shared = feeder.registered(c.id);
        feeder.shareWithPartner(c.id, shared, "partner-hair-co");
        // a client holds only for itself
        c.as(c.client(me)).body(c.booking(other, c.consultation, tech(), SLOT)).post("/api/v1/bookings/holds")
                .then().statusCode(404);
        String mine = c.as(c.client(me)).body(c.booking(me, c.consultation, tech(), SLOT)).post("/api/v1/bookings/holds")
                .then().statusCode(201).extract().path("id");
        c.as(c.client(other)).post("/api/v1/bookings/holds/" + mine + "/confirm").then().statusCode(404);
        c.as(c.client(other)).delete("/api/v1/bookings/holds/" + mine).then().statusCode(404);
        c.as(c.partner("partner-hair-co")).post("/api/v1/bookings/holds/" + mine + "/confirm").then().statusCode(404);
        // a partner holds and confirms for a client shared with it, not for others
        c.as(c.partner("partner-hair-co")).body(c.booking(other, c.consultation, tech(), "2030-01-08T12:00:00Z"))
                .post("/api/v1/bookings/holds").then().statusCode(404);
        String partners = c.as(c.partner("partner-hair-co")).body(c.booking(shared, c.consultation, tech(), "2030-01-08T12:00:00Z"))
                .post("/api/v1/bookings/holds").then().statusCode(201).extract().path("id");
        c.as(c.partner("partner-hair-co")).post("/api/v1/bookings/holds/" + partners + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        // another clinic's staff sees nothing
        c.as(io.stipple.testinfra.DevTokens.token("staff-elsewhere", UUID.randomUUID(), "staff"))
                .post("/api/v1/bookings/holds/" + mine + "/confirm").then().statusCode(404);
        c.as(c.client(me)).post("/api/v1/bookings/holds/" + mine + "/confirm").then().statusCode(200);
    }

    @Test
    void theClinicSetsHowLongAHoldLasts() {
        Map<String, Object> profile = TestClinic.clinicBody(c.zone, TestClinic.week("09:00", "18:00"));
        profile.put("holdMinutes", 16);
        c.as(c.admin()).body(profile).header("If-Match", "\"0\"").put("/api/v1/clinics/" + c.id).then().statusCode(400);
        profile.put("holdMinutes", 12);
        c.as(c.admin()).body(profile).header("If-Match", "\"0\"").put("/api/v1/clinics/" + c.id).then().statusCode(200)
                .body("holdMinutes", equalTo(12));
        String id = c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT))
                .post("/api/v1/bookings/holds").then().statusCode(201)
                .body("holdExpiresAt", equalTo("2030-01-07T08:12:00Z")).extract().path("id");
        CLOCK.set(NOW.plus(Duration.ofMinutes(11)));
        assertThat(freeStarts()).doesNotContain(SLOT);
        c.as(c.staff()).post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(200)
                .body("preparationNotes", nullValue());
    }

    /** 100 attempts at once on one slot, half holds and half bookings: exactly one wins, whatever the order. */
    @Test
    void aHundredConcurrentHoldsAndBookingsOfOneSlotGetOne() throws Exception {
        for (int i = 3; i <= 6; i++) {
            c.as(c.admin()).body(Map.of("name", "Room " + i)).post("/api/v1/clinics/" + c.id + "/rooms").then().statusCode(201);
        }
        String staff = c.staff();
        int requests = 100;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Map<String, Object> body = c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT);
                String path = i % 2 == 0 ? "/api/v1/bookings/holds" : "/api/v1/bookings";
                answers.add(pool.submit(() -> {
                    start.await();
                    return c.as(staff).body(body).post(path);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    won++;
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                    assertThat(r.jsonPath().getString("type")).isEqualTo(PROBLEM + "booking-conflict");
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        List<String> statuses = c.as(staff).get("/api/v1/bookings?technicianId=" + tech()).then().statusCode(200)
                .extract().path("items.status");
        assertThat(statuses).hasSize(1).allMatch(s -> s.equals("HELD") || s.equals("CONFIRMED"));
    }
}
