package io.stipple.journey;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stipple.stack.Service;
import io.stipple.testinfra.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.PATIENCE;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * booking-service as two replicas behind a load balancer: two instances (the journey's own two, or a second one
 * started here when the journey runs one of each) share the database and the consumer group; the test talks to each
 * directly. 100 concurrent holds and bookings of one slot, spread over both instances, make no double
 * booking while the slot is held and exactly one booking once it is free; a manage link signed by one instance opens
 * on the other (one signing key for every replica).
 */
@ExtendWith(StippleSystem.class)
class TwoInstanceBookingIT {

    private static String first;
    private static String second;
    private static boolean startedHere;

    @BeforeAll
    static void twoInstances() {
        List<String> instances = StippleSystem.instanceUrls(Service.BOOKING);
        first = instances.get(0);
        startedHere = instances.size() == 1;
        second = startedHere ? StippleSystem.startReplica(Service.BOOKING) : instances.get(1);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (startedHere) {
            StippleSystem.stopReplica(second);
        }
    }

    @Test
    void a_hundred_holds_and_bookings_of_one_slot_through_two_instances_never_double_book() throws Exception {
        Clinic clinic = new Clinic().setUp();
        List<Clinic.Client> clients = new ArrayList<>();
        for (String name : List.of("Ari", "Bo", "Cy", "Dee")) {
            clients.add(clinic.clientWithAgreedPlan(name, List.of("TREATMENT")));
        }
        LocalDate day = LocalDate.now(LONDON).plusDays(4);
        for (Clinic.Client c : clients) {
            clinic.availabilityOnceKnown(c, day); // both instances read the same projection
        }
        String slot = clinic.availabilityOnceKnown(clients.get(0), day).getString("slots[0].startsAt");

        // the front desk holds the slot on instance 1
        String hold = ok(as(clinic.staff).body(body(clinic, clients.get(0), slot)).post(first + "/api/v1/bookings/holds"), 201)
                .getString("id");
        // while it is held: 100 attempts over both instances, none succeeds
        assertThat(race(clinic, clients.subList(1, 4), slot)).as("bookings made while the slot was held").isZero();

        // released on instance 2, the slot is free at once: 100 attempts over both instances, exactly one wins
        assertThat(as(clinic.staff).delete(second + "/api/v1/bookings/holds/" + hold).statusCode()).isEqualTo(204);
        assertThat(race(clinic, clients.subList(1, 4), slot)).as("bookings made of the freed slot").isEqualTo(1);

        List<Map<String, Object>> taken = ok(as(clinic.staff).get(first + "/api/v1/bookings?technicianId=" + clinic.technicianId
                + "&from=" + slot + "&to=" + java.time.OffsetDateTime.parse(slot).plusMinutes(1)), 200).getList("items");
        assertThat(taken.stream().filter(b -> List.of("HELD", "CONFIRMED").contains(b.get("status")))).hasSize(1);
    }

    @Test
    void a_manage_link_signed_by_one_instance_opens_on_the_other() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Eli", List.of("TREATMENT"));
        LocalDate day = LocalDate.now(LONDON).plusDays(5);
        String slot = clinic.availabilityOnceKnown(client, day).getString("slots[0].startsAt");
        try (TopicProbe bookings = new TopicProbe(StippleSystem.kafka().bootstrapServers(), "stipple.bookings")) {
            String id = ok(as(clinic.staff).body(body(clinic, client, slot))
                    .post(first + "/api/v1/bookings"), 201).getString("id");
            String token = JsonPath.from(bookings.awaitRecords(r -> r.value().contains("io.stipple.BookingConfirmed")
                    && r.value().contains(id), 1, PATIENCE).get(0).value()).getString("data.manageToken");
            Response opened = RestAssured.given().accept(ContentType.JSON).header("Manage-Token", token)
                    .get(second + "/api/v1/manage/booking");
            assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(200);
            assertThat(opened.jsonPath().getString("id")).isEqualTo(id);
        }
    }

    private static Map<String, Object> body(Clinic clinic, Clinic.Client client, String slot) {
        return Map.of("clientId", client.id(), "treatmentId", clinic.smpTreatmentId, "technicianId", clinic.technicianId,
                "startsAt", slot);
    }

    /** 100 attempts at once, holds and bookings alternating, odd ones to instance 1 and even ones to instance 2. */
    private static int race(Clinic clinic, List<Clinic.Client> clients, String slot) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                String base = i % 2 == 0 ? first : second;
                String path = i % 4 < 2 ? "/api/v1/bookings/holds" : "/api/v1/bookings";
                Map<String, Object> body = body(clinic, clients.get(i % clients.size()), slot);
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(clinic.staff).body(body).post(base + path);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    won++;
                } else {
                    // taken by the hold or the winner; a client's own plan may refuse a second session there too
                    assertThat(r.statusCode()).as(r.asString()).isIn(409, 422);
                }
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
