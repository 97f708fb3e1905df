package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.ClinicScenario;
import io.stipple.booking.Events;
import io.stipple.booking.TestClinic;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BookingResourceTest extends ClinicScenario {

    @Test
    void aConsultationIsBookedAndBookingConfirmedIsPublishedAsDocumented() {
        UUID client = feeder.registered(c.id);
        Map<String, Object> body = c.booking(client, c.consultation, tech(), "2030-01-08T10:00:00Z");
        body.put("preparationNotes", "Bring photos of your hairline");
        String id = c.as(c.staff()).body(body).post("/api/v1/bookings").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("http"))
                .header("ETag", "\"0\"")
                .extract().path("id");
        c.as(c.staff()).get("/api/v1/bookings/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("CONFIRMED"))
                .body("kind", equalTo("CONSULTATION"))
                .body("startsAt", equalTo("2030-01-08T10:00:00Z"))
                .body("endsAt", equalTo("2030-01-08T10:30:00Z"))
                .body("sessionNumber", nullValue())
                .body("roomId", notNullValue());
        JsonNode event = Events.await(probe, "BookingConfirmed", id);
        assertThat(event.get("subject").asText()).isEqualTo(client.toString());
        assertThat(event.get("clinicid").asText()).isEqualTo(c.id.toString());
        assertThat(event.at("/data/technicianName").asText()).isEqualTo("Sam Okafor");
        assertThat(event.at("/data/clinicTimeZone").asText()).isEqualTo("Europe/London");
        assertThat(event.at("/data/treatmentName").asText()).isEqualTo("Consultation");
        assertThat(event.at("/data/preparationNotes").asText()).isEqualTo("Bring photos of your hairline");
    }

    @Test
    void timesAreShownInTheClinicsZoneWithOffset() {
        CLOCK.set(Instant.parse("2030-06-03T08:00:00Z"));
        String id = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-06-04T09:00:00+01:00"));
        c.as(c.staff()).get("/api/v1/bookings/" + id).then()
                .body("startsAt", equalTo("2030-06-04T09:00:00+01:00"))
                .body("endsAt", equalTo("2030-06-04T09:30:00+01:00"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        Map<String, Object> body = c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T11:00:00Z");
        String key = UUID.randomUUID().toString();
        String first = c.as(c.staff()).header("Idempotency-Key", key).body(body).post("/api/v1/bookings")
                .then().statusCode(201).extract().path("id");
        c.as(c.staff()).header("Idempotency-Key", key).body(body).post("/api/v1/bookings")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        body.put("startsAt", "2030-01-08T12:00:00Z");
        c.as(c.staff()).header("Idempotency-Key", key).body(body).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "idempotency-key-reused"));
        c.as(c.staff()).get("/api/v1/bookings?clientId=" + body.get("clientId")).then().body("totalItems", equalTo(1));
    }

    @Test
    void whenAndWhereRulesAreEnforced() {
        UUID client = feeder.registered(c.id);
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2030-01-07T07:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "booking-in-past"));
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2030-01-08T17:45:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "outside-opening-hours"));
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2030-01-08T08:30:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "outside-opening-hours"));
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2031-06-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "booking-too-far-ahead"));
        c.as(c.admin()).body(Map.of("firstDay", "2030-01-09", "lastDay", "2030-01-09", "reason", "Staff day"))
                .post("/api/v1/clinics/" + c.id + "/closures").then().statusCode(201);
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2030-01-09T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "clinic-closed"));
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-10T00:00:00Z", "endsAt", "2030-01-11T00:00:00Z"))
                .post("/api/v1/clinics/" + c.id + "/technicians/" + tech() + "/time-off").then().statusCode(201);
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2030-01-10T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "technician-unavailable"));
        UUID consultant = c.treatment("CONSULTATION", null, "Video consultation", 20, 0, List.of());
        c.as(c.staff()).body(c.booking(client, consultant, tech(), "2030-01-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "technician-not-qualified"));
        c.as(c.staff()).body(c.booking(client, UUID.randomUUID(), tech(), "2030-01-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(404);
        Map<String, Object> noStart = c.booking(client, c.consultation, tech(), "2030-01-08T10:00:00Z");
        noStart.remove("startsAt");
        c.as(c.staff()).body(noStart).post("/api/v1/bookings").then().statusCode(400).body("violations.field", hasItem("startsAt"));
        noStart.put("startsAt", "tomorrow");
        c.as(c.staff()).body(noStart).post("/api/v1/bookings").then().statusCode(400);
        c.as(c.staff()).body(c.booking(client, c.consultation, tech(), "2030-01-08T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(201);
    }

    @Test
    void neverADoubleBookingOfTheTechnicianOrTheRoom() {
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T10:00:00Z"));
        c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T10:15:00Z"))
                .post("/api/v1/bookings").then().statusCode(409).body("type", equalTo(PROBLEM + "booking-conflict"));
        // the other technician at the same time gets the other room
        String second = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, c.technicians.get(1), "2030-01-08T10:00:00Z"));
        // a third technician finds no room free
        UUID third = c.technician("Jo Third", TestClinic.week("09:00", "18:00"));
        c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, third, "2030-01-08T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(409).body("type", equalTo(PROBLEM + "no-room-available"));
        String takenRoom = c.as(c.staff()).get("/api/v1/bookings/" + second).then().extract().path("roomId");
        Map<String, Object> body = c.booking(feeder.registered(c.id), c.consultation, third, "2030-01-08T10:20:00Z");
        body.put("roomId", takenRoom);
        c.as(c.staff()).body(body).post("/api/v1/bookings").then().statusCode(409).body("type", equalTo(PROBLEM + "room-unavailable"));
        // the clean-up buffer of an SMP session keeps the technician busy after it ends
        UUID client = feeder.registered(c.id);
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-08T13:00:00Z")); // 13:00–15:00 + 30 min
        c.as(c.staff()).body(c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T15:15:00Z"))
                .post("/api/v1/bookings").then().statusCode(409).body("type", equalTo(PROBLEM + "booking-conflict"));
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T15:30:00Z"));
    }

    @Test
    void treatmentSessionsNeedAnAgreedPlanAndAnEligibleScreening() {
        UUID noPlan = UUID.randomUUID();
        feeder.apply("ScreeningRecorded", c.id, noPlan, d -> d.put("eligibility", "ELIGIBLE"));
        c.as(c.staff()).body(c.booking(noPlan, c.smp, tech(), "2030-01-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "plan-required"));
        UUID ineligible = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, ineligible, "PERMANENT_SMP", "3", 3, 7);
        feeder.apply("ScreeningRecorded", c.id, ineligible, d -> d.put("eligibility", "NOT_ELIGIBLE"));
        c.as(c.staff()).body(c.booking(ineligible, c.smp, tech(), "2030-01-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "client-not-eligible"));
        c.as(c.staff()).body(c.booking(ineligible, c.topUp, tech(), "2030-01-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "client-not-eligible"));
        UUID cancelled = UUID.randomUUID();
        UUID plan = feeder.eligibleWithPlan(c.id, cancelled, "PERMANENT_SMP", "3", 3, 7);
        feeder.apply("TreatmentPlanCancelled", c.id, cancelled, d -> d.put("planId", plan.toString()));
        Map<String, Object> body = c.booking(cancelled, c.smp, tech(), "2030-01-08T10:00:00Z");
        body.put("planId", plan.toString());
        c.as(c.staff()).body(body).post("/api/v1/bookings").then().statusCode(422).body("type", equalTo(PROBLEM + "plan-not-agreed"));
        // a consultation needs neither
        c.book(c.staff(), c.booking(ineligible, c.consultation, tech(), "2030-01-08T10:00:00Z"));
    }

    @Test
    void sessionsAreNumberedFromThePlanAndLastAsLongAsTheCoverageNeeds() {
        UUID client = feeder.registered(c.id);
        UUID plan = feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "6", 2, 7);
        String first = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-08T09:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + first).then()
                .body("sessionNumber", equalTo(1)).body("planId", equalTo(plan.toString()))
                .body("endsAt", equalTo("2030-01-08T12:30:00Z")).body("bufferMinutes", equalTo(30));
        String second = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-15T12:30:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + second).then().body("sessionNumber", equalTo(2));
        c.as(c.staff()).body(c.booking(client, c.smp, tech(), "2030-01-25T09:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "plan-sessions-exhausted"));
        // cancelling session 2 frees its number again
        c.as(c.staff()).body(Map.of("reason", "Moved abroad for a week")).post("/api/v1/bookings/" + second + "/cancel").then().statusCode(200);
        String again = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-25T09:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + again).then().body("sessionNumber", equalTo(2));
        // a top-up is its own treatment: no plan, no number
        String topUp = c.book(c.staff(), c.booking(client, c.topUp, tech(), "2030-03-01T10:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + topUp).then().body("planId", nullValue()).body("sessionNumber", nullValue());
    }

    @Test
    void theHealingIntervalIsRefusedAtSixDaysTwentyThreeHoursAndAcceptedAtSeven() {
        UUID client = feeder.registered(c.id);
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        String first = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-08T09:00:00Z"));
        CLOCK.set(Instant.parse("2030-01-08T09:00:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + first + "/check-in").then().statusCode(200);
        CLOCK.set(Instant.parse("2030-01-08T11:00:00Z"));
        c.as(c.staff()).body(sessionRecord()).post("/api/v1/bookings/" + first + "/complete").then().statusCode(200);
        // completed 11:00 on the 8th: session 2 may start at 11:00 on the 15th
        c.as(c.staff()).body(c.booking(client, c.smp, tech(), "2030-01-15T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "healing-interval"))
                .body("earliestStart", equalTo("2030-01-15T11:00:00Z"));
        String second = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-15T11:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings/" + second).then().body("sessionNumber", equalTo(2));
    }

    @Test
    void onlyAnAdminMayShortenTheHealingIntervalAndWhoAndWhyAreRecorded() {
        UUID client = feeder.registered(c.id);
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 10);
        c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-08T09:00:00Z")); // ends 11:00
        Map<String, Object> early = c.booking(client, c.smp, tech(), "2030-01-12T09:00:00Z");
        c.as(c.staff()).body(early).post("/api/v1/bookings").then().statusCode(422).body("type", equalTo(PROBLEM + "healing-interval"));
        early.put("healingOverride", Map.of("intervalDays", 3, "reason", "Flying home on the 13th; healing checked in person"));
        c.as(c.staff()).body(early).post("/api/v1/bookings").then().statusCode(403);
        String id = c.book(c.admin(), early);
        c.as(c.staff()).get("/api/v1/bookings/" + id).then()
                .body("healingOverride.intervalDays", equalTo(3))
                .body("healingOverride.by", equalTo("admin-" + c.id.toString().substring(0, 6)))
                .body("healingOverride.reason", equalTo("Flying home on the 13th; healing checked in person"));
        Map<String, Object> tooEarly = c.booking(client, c.smp, tech(), "2030-01-11T09:00:00Z");
        tooEarly.put("healingOverride", Map.of("intervalDays", 3, "reason", "x"));
        c.as(c.admin()).body(tooEarly).post("/api/v1/bookings").then().statusCode(422);
    }

    @Test
    void reschedulingKeepsTheIdAndPublishesBookingRescheduled() {
        UUID client = feeder.registered(c.id);
        String id = c.book(c.staff(), c.booking(client, c.consultation, tech(), "2030-01-10T10:00:00Z"));
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-11T10:00:00Z"));
        c.as(c.client(client)).body(Map.of("startsAt", "2030-01-11T10:00:00Z")).post("/api/v1/bookings/" + id + "/reschedule")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "booking-conflict"));
        c.as(c.client(client)).header("If-Match", "\"5\"").body(Map.of("startsAt", "2030-01-11T14:00:00Z"))
                .post("/api/v1/bookings/" + id + "/reschedule").then().statusCode(412);
        c.as(c.client(client)).body(Map.of("startsAt", "2030-01-11T14:00:00Z")).post("/api/v1/bookings/" + id + "/reschedule")
                .then().statusCode(200).body("id", equalTo(id)).body("startsAt", equalTo("2030-01-11T14:00:00Z"))
                .body("endsAt", equalTo("2030-01-11T14:30:00Z"));
        JsonNode event = Events.await(probe, "BookingRescheduled", id);
        assertThat(event.at("/data/previousStartsAt").asText()).isEqualTo("2030-01-10T10:00:00Z");
        assertThat(event.at("/data/startsAt").asText()).isEqualTo("2030-01-11T14:00:00Z");
        // the old time is free again
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-10T10:00:00Z"));
    }

    @Test
    void aClientCancelsWithinTheClinicsNoticeStaffAlways() {
        UUID client = feeder.registered(c.id);
        String early = c.book(c.client(client), c.booking(client, c.consultation, tech(), "2030-01-10T10:00:00Z"));
        String late = c.book(c.client(client), c.booking(client, c.consultation, tech(), "2030-01-08T10:00:00Z"));
        c.as(c.client(client)).body(Map.of("reason", "Feeling unwell")).post("/api/v1/bookings/" + late + "/cancel")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "cancellation-window-passed"));
        c.as(c.client(client)).body(Map.of("startsAt", "2030-01-08T15:00:00Z")).post("/api/v1/bookings/" + late + "/reschedule")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "cancellation-window-passed"));
        c.as(c.client(client)).body(Map.of("reason", "Feeling unwell")).post("/api/v1/bookings/" + early + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("CLIENT"));
        JsonNode event = Events.await(probe, "BookingCancelled", early);
        assertThat(event.at("/data/cancelledBy").asText()).isEqualTo("CLIENT");
        assertThat(event.at("/data/reason").asText()).isEqualTo("Feeling unwell");
        c.as(c.staff()).body(Map.of("reason", "Client phoned")).post("/api/v1/bookings/" + late + "/cancel")
                .then().statusCode(200).body("cancelledBy", equalTo("CLINIC"));
        c.as(c.staff()).body(Map.of("reason", "again")).post("/api/v1/bookings/" + late + "/cancel")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "illegal-transition"));
        c.as(c.staff()).body(Map.of()).post("/api/v1/bookings/" + early + "/cancel")
                .then().statusCode(400).body("violations.field", hasItem("reason"));
    }

    @Test
    void checkInCompleteAndSessionCompletedAsDocumented() {
        UUID client = feeder.registered(c.id);
        UUID plan = feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "5", 2, 7);
        String id = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-08T09:00:00Z")); // 2.5 h
        c.as(c.staff()).body(sessionRecord()).post("/api/v1/bookings/" + id + "/complete")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "illegal-transition"));
        c.as(c.staff()).post("/api/v1/bookings/" + id + "/check-in")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "check-in-too-early"));
        c.as(c.client(client)).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(403);
        CLOCK.set(Instant.parse("2030-01-08T08:50:00Z"));
        c.as(c.staff()).header("If-Match", "\"0\"").post("/api/v1/bookings/" + id + "/check-in")
                .then().statusCode(200).body("status", equalTo("CHECKED_IN")).header("ETag", "\"1\"");
        c.as(c.staff()).post("/api/v1/bookings/" + id + "/no-show").then().statusCode(409);
        c.as(c.staff()).body(Map.of("actualDurationMinutes", 140)).post("/api/v1/bookings/" + id + "/complete")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"));
        Map<String, Object> expired = sessionRecord();
        expired.put("pigment", Map.of("brand", "Perma Blend", "shade", "SMP Dark 2", "dilution", "1:3", "lot", "OLD-1", "expiry", "2029-12-31"));
        c.as(c.staff()).body(expired).post("/api/v1/bookings/" + id + "/complete")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "pigment-expired"));
        // checked in early, the session is still not done before its booked start
        c.as(c.staff()).body(sessionRecord()).post("/api/v1/bookings/" + id + "/complete")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "session-not-started"));
        CLOCK.set(Instant.parse("2030-01-08T11:35:00Z"));
        c.as(c.staff()).body(sessionRecord()).post("/api/v1/bookings/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("completedAt", equalTo("2030-01-08T11:35:00Z"));
        c.as(c.client(client)).get("/api/v1/bookings/" + id + "/session-record").then().statusCode(200)
                .body("areasTreated", equalTo(List.of("HAIRLINE", "CROWN")))
                .body("pigment.lot", equalTo("LOT-24-0917")).body("needleConfiguration", equalTo("3RL 0.18 mm"))
                .body("actualDurationMinutes", equalTo(140)).body("sessionNumber", equalTo(1));
        JsonNode event = Events.await(probe, "SessionCompleted", id);
        JsonNode data = event.get("data");
        assertThat(data.get("planId").asText()).isEqualTo(plan.toString());
        assertThat(data.get("sessionNumber").asInt()).isEqualTo(1);
        assertThat(data.get("plannedSessions").asInt()).isEqualTo(2);
        assertThat(data.get("finalSession").asBoolean()).isFalse();
        assertThat(data.get("treatmentType").asText()).isEqualTo("PERMANENT_SMP");
        assertThat(data.get("clientSex").asText()).isEqualTo("MALE");
        assertThat(data.get("healingIntervalDays").asInt()).isEqualTo(7);
        assertThat(data.get("completedAt").asText()).isEqualTo("2030-01-08T11:35:00Z");
        assertThat(data.get("clinicTimeZone").asText()).isEqualTo("Europe/London");
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-20T10:00:00Z")).post("/api/v1/bookings/" + id + "/reschedule")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "illegal-transition"));
        c.as(c.staff()).body(Map.of("reason", "x")).post("/api/v1/bookings/" + id + "/cancel").then().statusCode(409);
        // the second session is the final one
        String last = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-15T11:35:00Z"));
        CLOCK.set(Instant.parse("2030-01-15T11:35:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + last + "/check-in").then().statusCode(200);
        c.as(c.staff()).body(sessionRecord()).post("/api/v1/bookings/" + last + "/complete").then().statusCode(200);
        assertThat(Events.await(probe, "SessionCompleted", last).at("/data/finalSession").asBoolean()).isTrue();
    }

    @Test
    void aCancelledPlansFutureSessionsAreCancelledBySystem() {
        UUID client = feeder.registered(c.id);
        UUID plan = feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        String id = c.book(c.staff(), c.booking(client, c.smp, tech(), "2030-01-08T09:00:00Z"));
        feeder.apply("TreatmentPlanCancelled", c.id, client, d -> d.put("planId", plan.toString()));
        c.as(c.staff()).get("/api/v1/bookings/" + id).then().body("status", equalTo("CANCELLED"))
                .body("cancelledBy", equalTo("SYSTEM"));
        assertThat(Events.await(probe, "BookingCancelled", id).at("/data/cancelledBy").asText()).isEqualTo("SYSTEM");
    }

    @Test
    void aConsultationCompletesWithoutASessionRecordOrEvent() {
        String id = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), "2030-01-08T09:00:00Z"));
        CLOCK.set(Instant.parse("2030-01-08T09:00:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(200);
        c.as(c.staff()).body(Map.of()).post("/api/v1/bookings/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        c.as(c.staff()).get("/api/v1/bookings/" + id + "/session-record").then().statusCode(404);
    }

    @Test
    void aNoShowOnlyAfterTheStartAndPublished() {
        UUID client = feeder.registered(c.id);
        String id = c.book(c.staff(), c.booking(client, c.consultation, tech(), "2030-01-08T09:00:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + id + "/no-show").then().statusCode(422)
                .body("type", equalTo(PROBLEM + "booking-not-started"));
        CLOCK.set(Instant.parse("2030-01-08T09:20:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + id + "/no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
        JsonNode event = Events.await(probe, "BookingNoShow", id);
        assertThat(event.at("/data/clientId").asText()).isEqualTo(client.toString());
        c.as(c.staff()).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(409);
    }

    @Test
    void aClientSeesAndBooksOnlyTheirOwn() {
        UUID me = feeder.registered(c.id);
        UUID other = feeder.registered(c.id);
        String mine = c.book(c.client(me), c.booking(me, c.consultation, tech(), "2030-01-08T10:00:00Z"));
        Map<String, Object> noClient = c.booking(me, c.consultation, tech(), "2030-01-08T14:00:00Z");
        noClient.remove("clientId");
        c.book(c.client(me), noClient);
        String theirs = c.book(c.staff(), c.booking(other, c.consultation, tech(), "2030-01-08T12:00:00Z"));
        c.as(c.client(me)).get("/api/v1/bookings/" + mine).then().statusCode(200);
        c.as(c.client(me)).get("/api/v1/bookings/" + theirs).then().statusCode(404);
        c.as(c.client(me)).body(Map.of("reason", "x")).post("/api/v1/bookings/" + theirs + "/cancel").then().statusCode(404);
        c.as(c.client(me)).body(c.booking(other, c.consultation, tech(), "2030-01-08T16:00:00Z")).post("/api/v1/bookings").then().statusCode(404);
        c.as(c.client(me)).get("/api/v1/bookings").then().statusCode(200).body("totalItems", equalTo(2));
        c.as(c.client(me)).get("/api/v1/bookings?clientId=" + other).then().statusCode(404);
        c.as(DevTokens.token("staff-elsewhere", UUID.randomUUID(), "staff")).get("/api/v1/bookings/" + mine).then().statusCode(404);
    }

    @Test
    void aPartnerBooksOnlyForClientsSharedWithIt() {
        UUID shared = feeder.registered(c.id);
        UUID notShared = feeder.registered(c.id);
        feeder.shareWithPartner(c.id, shared, "partner-hair-co");
        feeder.partner(c.id, "another-partner", "ACTIVE");
        String partner = c.partner("partner-hair-co");
        c.as(partner).body(c.booking(notShared, c.consultation, tech(), "2030-01-08T10:00:00Z")).post("/api/v1/bookings")
                .then().statusCode(404);
        String id = c.book(partner, c.booking(shared, c.consultation, tech(), "2030-01-08T10:00:00Z"));
        c.book(c.staff(), c.booking(notShared, c.consultation, tech(), "2030-01-08T12:00:00Z"));
        c.as(partner).get("/api/v1/bookings/" + id).then().statusCode(200);
        c.as(partner).get("/api/v1/bookings").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id));
        c.as(partner).body(Map.of("reason", "x")).post("/api/v1/bookings/" + id + "/cancel").then().statusCode(403);
        c.as(c.partner("another-partner")).get("/api/v1/bookings/" + id).then().statusCode(404);
        c.as(c.partner("another-partner")).get("/api/v1/bookings").then().statusCode(200).body("totalItems", equalTo(0));
        // a partner the clinic never registered is refused before any endpoint runs
        c.as(c.partner("never-registered")).get("/api/v1/bookings/" + id).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "partner-not-registered"));
        feeder.apply("ConsentWithdrawn", c.id, shared, d -> {
            d.put("scope", "PARTNER_SHARING");
            d.put("partnerId", "partner-hair-co");
        });
        c.as(partner).get("/api/v1/bookings/" + id).then().statusCode(404);
        // a partner the clinic suspends (PartnerUpdated) is no longer accepted at all
        feeder.partner(c.id, "another-partner", "SUSPENDED");
        c.as(c.partner("another-partner")).get("/api/v1/bookings").then().statusCode(403)
                .body("type", equalTo(PROBLEM + "partner-not-registered"));
    }

    @Test
    void aPartnerOfAnotherClinicWithTheSameIdSeesNothingOfThisClinicsClient() {
        UUID shared = feeder.registered(c.id);
        feeder.shareWithPartner(c.id, shared, "partner-same-id");
        String id = c.book(c.partner("partner-same-id"), c.booking(shared, c.consultation, tech(), "2030-01-08T10:00:00Z"));
        TestClinic other = TestClinic.create();
        feeder.partner(other.id, "partner-same-id", "ACTIVE");
        String foreign = other.partner("partner-same-id");
        other.as(foreign).get("/api/v1/bookings/" + id).then().statusCode(404);
        other.as(foreign).get("/api/v1/bookings").then().statusCode(200).body("totalItems", equalTo(0));
        other.as(foreign).body(other.booking(shared, other.consultation, other.technicians.get(0), "2030-01-08T12:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(404);
    }

    @Test
    void onlyClientsTheClinicKnowsCanBeBookedConsultationsIncluded() {
        UUID known = feeder.registered(c.id);
        TestClinic clinicB = TestClinic.create();
        // staff of clinic B books clinic A's client: clinic B does not know that client
        clinicB.as(clinicB.staff()).body(clinicB.booking(known, clinicB.consultation, clinicB.technicians.get(0), "2030-01-08T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(422)
                .body("type", equalTo(PROBLEM + "unknown-client"))
                .body("clientId", equalTo(known.toString()));
        // a made-up client id
        c.as(c.staff()).body(c.booking(UUID.randomUUID(), c.consultation, tech(), "2030-01-08T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(422).body("type", equalTo(PROBLEM + "unknown-client"));
        // a client token whose client was never registered in the clinic
        UUID unregistered = UUID.randomUUID();
        c.as(c.client(unregistered)).body(c.booking(unregistered, c.consultation, tech(), "2030-01-08T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(422).body("type", equalTo(PROBLEM + "unknown-client"));
        // nor a session or a search of availability
        c.as(c.staff()).body(c.booking(UUID.randomUUID(), c.topUp, tech(), "2030-01-08T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(422).body("type", equalTo(PROBLEM + "unknown-client"));
        clinicB.as(clinicB.staff()).get("/api/v1/availability?treatmentId=" + clinicB.consultation + "&clientId=" + known
                + "&from=2030-01-08&to=2030-01-08").then().statusCode(422).body("type", equalTo(PROBLEM + "unknown-client"));
        // the known client is booked in its own clinic, and nothing of it shows in clinic B
        c.book(c.staff(), c.booking(known, c.consultation, tech(), "2030-01-08T10:00:00Z"));
        clinicB.as(clinicB.staff()).get("/api/v1/bookings?clientId=" + known).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void listsFilterByTechnicianClientAndRangeInAStableOrder() {
        UUID client = feeder.registered(c.id);
        c.book(c.staff(), c.booking(client, c.consultation, tech(), "2030-01-08T12:00:00Z"));
        c.book(c.staff(), c.booking(client, c.consultation, tech(), "2030-01-08T10:00:00Z"));
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, c.technicians.get(1), "2030-01-08T10:00:00Z"));
        c.book(c.staff(), c.booking(client, c.consultation, tech(), "2030-01-10T10:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings?technicianId=" + tech() + "&from=2030-01-08T00:00:00Z&to=2030-01-09T00:00:00Z")
                .then().statusCode(200).body("items", hasSize(2))
                .body("items[0].startsAt", equalTo("2030-01-08T10:00:00Z"))
                .body("items[1].startsAt", equalTo("2030-01-08T12:00:00Z"));
        c.as(c.staff()).get("/api/v1/bookings?clientId=" + client + "&size=2&page=1").then()
                .body("items", hasSize(1)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        c.as(c.staff()).get("/api/v1/bookings?status=CANCELLED").then().body("totalItems", equalTo(0));
        c.as(c.staff()).get("/api/v1/bookings?size=500").then().statusCode(400);
        c.as(c.staff()).get("/api/v1/bookings?from=2030-01-09T00:00:00Z&to=2030-01-08T00:00:00Z").then().statusCode(400);
    }

    static Map<String, Object> sessionRecord() {
        return new java.util.LinkedHashMap<>(Map.of(
                "areasTreated", List.of("HAIRLINE", "CROWN"),
                "pigment", Map.of("brand", "Perma Blend", "shade", "SMP Dark 2", "dilution", "1:3", "lot", "LOT-24-0917", "expiry", "2031-06-30"),
                "needleConfiguration", "3RL 0.18 mm",
                "actualDurationMinutes", 140,
                "technicianNotes", "Light pressure at the crown"));
    }
}
