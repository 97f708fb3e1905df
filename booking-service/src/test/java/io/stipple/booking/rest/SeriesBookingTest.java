package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stipple.booking.ClinicScenario;
import io.stipple.booking.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.booking.TestClinic.PROBLEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole plan in one step: the series search proposes combinations that keep the healing interval (same technician
 * preferred), and booking one is all or nothing — one 409 naming the session that no longer fits.
 */
@QuarkusTest
class SeriesBookingTest extends ClinicScenario {

    /** A client with an agreed 3-session plan, 7 days' healing, Norwood 3 (2-hour sessions). */
    private UUID clientWithPlan() {
        UUID client = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        return client;
    }

    private JsonPath search(UUID client, String extra) {
        return c.as(c.staff()).get("/api/v1/availability/series?treatmentId=" + c.smp + "&clientId=" + client
                + "&from=2030-01-08" + extra).then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> seriesBody(UUID client, List<Map<String, Object>> sessions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.toString());
        body.put("treatmentId", c.smp.toString());
        body.put("sessions", sessions);
        return body;
    }

    private static List<Map<String, Object>> sessionsOf(JsonPath found, int combination) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Map<String, Object> s : found.<Map<String, Object>>getList("combinations[" + combination + "].sessions")) {
            sessions.add(Map.of("startsAt", s.get("startsAt"), "technicianId", s.get("technicianId")));
        }
        return sessions;
    }

    @Test
    void theSeriesSearchKeepsTheHealingIntervalWithOneTechnicianAndBooksAllThreeAtOnce() {
        UUID client = clientWithPlan();
        JsonPath found = search(client, "");
        assertThat(found.getInt("sessions")).isEqualTo(3);
        assertThat(found.getInt("healingIntervalDays")).isEqualTo(7);
        assertThat(found.getList("combinations")).hasSize(5);
        List<Map<String, Object>> first = found.getList("combinations[0].sessions");
        assertThat(found.getBoolean("combinations[0].sameTechnician")).isTrue();
        assertThat(first).extracting(s -> s.get("sessionNumber")).containsExactly(1, 2, 3);
        assertThat(first).extracting(s -> s.get("technicianId")).containsOnly(first.get(0).get("technicianId"));
        // the earliest series: 09:00 tomorrow, then the earliest start a full week after each end
        assertThat(first).extracting(s -> s.get("startsAt"))
                .containsExactly("2030-01-08T09:00:00Z", "2030-01-15T11:00:00Z", "2030-01-22T13:00:00Z");
        // one combination per first day
        List<String> firstDays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            firstDays.add(found.getString("combinations[" + i + "].sessions[0].startsAt").substring(0, 10));
        }
        assertThat(firstDays).doesNotHaveDuplicates();

        var created = c.as(c.staff()).body(seriesBody(client, sessionsOf(found, 0))).post("/api/v1/bookings/series")
                .then().statusCode(201).extract();
        List<String> ids = created.path("bookings.id");
        assertThat(created.<List<Integer>>path("bookings.sessionNumber")).containsExactly(1, 2, 3);
        assertThat(created.header("Location")).endsWith("/api/v1/bookings/" + ids.get(0));
        for (String id : ids) {
            Events.await(probe, "BookingConfirmed", id);
        }
        // the plan is fully booked now: nothing left to search
        c.as(c.staff()).get("/api/v1/availability/series?treatmentId=" + c.smp + "&clientId=" + client + "&from=2030-01-08")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "plan-sessions-exhausted"));
    }

    @Test
    void theSeriesIsBookedWholeOrNotAtAllAndTheAnswerNamesTheSessionThatNoLongerFits() {
        UUID client = clientWithPlan();
        JsonPath found = search(client, "&technicianId=" + c.technicians.get(0));
        List<Map<String, Object>> sessions = sessionsOf(found, 0);
        // somebody takes the technician's time of session 3 in the meantime
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, c.technicians.get(0),
                (String) sessions.get(2).get("startsAt")));
        c.as(c.staff()).body(seriesBody(client, sessions)).post("/api/v1/bookings/series").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "series-session-unavailable"))
                .body("session", equalTo(3))
                .body("startsAt", equalTo(sessions.get(2).get("startsAt")))
                .body("reason", equalTo(PROBLEM + "booking-conflict"));
        // nothing of it was booked: sessions 1 and 2 were rolled back with 3
        c.as(c.staff()).get("/api/v1/bookings?clientId=" + client).then().statusCode(200).body("totalItems", equalTo(0));

        // a second session inside the healing interval fails the series at session 2
        List<Map<String, Object>> tooClose = List.of(
                Map.of("startsAt", "2030-01-08T10:00:00Z", "technicianId", c.technicians.get(0).toString()),
                Map.of("startsAt", "2030-01-13T10:00:00Z", "technicianId", c.technicians.get(0).toString()));
        c.as(c.staff()).body(seriesBody(client, tooClose)).post("/api/v1/bookings/series").then().statusCode(409)
                .body("session", equalTo(2))
                .body("reason", equalTo(PROBLEM + "healing-interval"));
        c.as(c.staff()).get("/api/v1/bookings?clientId=" + client).then().body("totalItems", equalTo(0));

        // the search, asked again, goes around the taken time and the series books
        JsonPath again = search(client, "&technicianId=" + c.technicians.get(0));
        c.as(c.staff()).body(seriesBody(client, sessionsOf(again, 0))).post("/api/v1/bookings/series").then().statusCode(201);
    }

    @Test
    void badSeriesRequestsAreClearProblems() {
        UUID client = clientWithPlan();
        String tech = c.technicians.get(0).toString();
        // not in time order
        c.as(c.staff()).body(seriesBody(client, List.of(
                        Map.of("startsAt", "2030-01-20T10:00:00Z", "technicianId", tech),
                        Map.of("startsAt", "2030-01-08T10:00:00Z", "technicianId", tech))))
                .post("/api/v1/bookings/series").then().statusCode(400);
        // empty, or more than ten
        c.as(c.staff()).body(seriesBody(client, List.of())).post("/api/v1/bookings/series").then().statusCode(400);
        // more sessions than the plan has left
        c.as(c.staff()).get("/api/v1/availability/series?treatmentId=" + c.smp + "&clientId=" + client
                + "&from=2030-01-08&sessions=4").then().statusCode(400);
        // a treatment that is not a plan's
        c.as(c.staff()).get("/api/v1/availability/series?treatmentId=" + c.consultation + "&clientId=" + feeder.registered(c.id)
                + "&from=2030-01-08").then().statusCode(422).body("type", equalTo(PROBLEM + "plan-required"));
        // a client searches only its own series
        c.as(c.client(client)).get("/api/v1/availability/series?treatmentId=" + c.smp + "&from=2030-01-08&sessions=2")
                .then().statusCode(200).body("clientId", equalTo(client.toString()));
        c.as(c.client(client)).get("/api/v1/availability/series?treatmentId=" + c.smp + "&clientId=" + clientWithPlan()
                + "&from=2030-01-08").then().statusCode(404);
    }

    @Test
    void movingASessionRechecksTheSeriesAroundItOrMovesTheSeriesTogetherWhenAsked() {
        UUID client = clientWithPlan();
        List<String> ids = c.as(c.staff()).body(seriesBody(client, sessionsOf(search(client, "&technicianId=" + tech()), 0)))
                .post("/api/v1/bookings/series").then().statusCode(201).extract().path("bookings.id");
        // 09:00 on the 8th, 11:00 on the 15th, 13:00 on the 22nd: session 1 two days later breaks session 2's interval
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-10T09:00:00Z")).post("/api/v1/bookings/" + ids.get(0) + "/reschedule")
                .then().statusCode(422)
                .body("type", equalTo(PROBLEM + "healing-interval"))
                .body("latestStart", equalTo("2030-01-08T09:00:00Z"));

        // somebody has the technician where session 3 would go: nothing moves, the answer names session 3
        String taken = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-24T13:00:00Z"));
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-10T09:00:00Z", "moveFollowing", true))
                .post("/api/v1/bookings/" + ids.get(0) + "/reschedule").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "series-session-unavailable"))
                .body("sessionNumber", equalTo(3))
                .body("reason", equalTo(PROBLEM + "booking-conflict"));
        c.as(c.staff()).get("/api/v1/bookings/" + ids.get(0)).then().body("startsAt", equalTo("2030-01-08T09:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + ids.get(2)).then().body("startsAt", equalTo("2030-01-22T13:00:00Z"));

        // freed, the series moves together: every session two days later, each a BookingRescheduled, no cancel
        c.as(c.staff()).body(Map.of("reason", "Moved")).post("/api/v1/bookings/" + taken + "/cancel").then().statusCode(200);
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-10T09:00:00Z", "moveFollowing", true))
                .post("/api/v1/bookings/" + ids.get(0) + "/reschedule").then().statusCode(200)
                .body("startsAt", equalTo("2030-01-10T09:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + ids.get(1)).then().body("startsAt", equalTo("2030-01-17T11:00:00Z"))
                .body("status", equalTo("CONFIRMED"));
        c.as(c.staff()).get("/api/v1/bookings/" + ids.get(2)).then().body("startsAt", equalTo("2030-01-24T13:00:00Z"));
        for (String id : ids) {
            Events.await(probe, "BookingRescheduled", id);
            assertThat(probe.seen().stream().filter(r -> r.value().contains("io.stipple.BookingCancelled")
                    && r.value().contains(id))).isEmpty();
        }
    }
}
