package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.TestClinic;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
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

@QuarkusTest
class AvailabilityResourceTest {

    @Inject
    ClientEventsFeeder feeder;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private static ValidatableResponse search(TestClinic c, String token, UUID treatment, UUID client, String from, String to, String extra) {
        return c.as(token).get("/api/v1/availability?treatmentId=" + treatment + (client == null ? "" : "&clientId=" + client)
                + "&from=" + from + "&to=" + to + extra).then();
    }

    private static List<String> starts(ValidatableResponse r) {
        return r.statusCode(200).extract().path("slots.startsAt");
    }

    @Test
    void springForwardInLondonAndFallBackInNewYorkOverTheApi() {
        CLOCK.set(Instant.parse("2026-03-01T00:00:00Z"));
        TestClinic london = TestClinic.create("Europe/London", "00:00", "06:00");
        List<String> spring = starts(search(london, london.staff(), london.consultation, feeder.registered(london.id), "2026-03-29", "2026-03-29",
                "&technicianId=" + london.technicians.get(0)));
        // 30-minute consultations, 15-minute grid: 00:00–00:45 GMT, then 02:00–05:30 BST; nothing at 01:xx
        assertThat(spring).hasSize(4 + 15).contains("2026-03-29T00:45:00Z", "2026-03-29T02:00:00+01:00", "2026-03-29T05:30:00+01:00")
                .noneMatch(t -> t.startsWith("2026-03-29T01:"));

        TestClinic newYork = TestClinic.create("America/New_York", "00:00", "06:00");
        List<String> fall = starts(search(newYork, newYork.staff(), newYork.consultation, feeder.registered(newYork.id), "2026-11-01", "2026-11-01",
                "&technicianId=" + newYork.technicians.get(0)));
        // 7 real hours: 00:00 EDT … 01:45 EDT, 01:00 EST … 05:30 EST
        assertThat(fall).hasSize(27).contains("2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", "2026-11-01T05:30:00-05:00");
    }

    @Test
    void slotsFitTheClientsSessionLengthAndLeaveOutBookingsWithTheirBuffer() {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        TestClinic c = TestClinic.create();
        UUID bald = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, bald, "PERMANENT_SMP", "7", 3, 7);
        UUID tech = c.technicians.get(0);
        ValidatableResponse r = search(c, c.staff(), c.smp, bald, "2030-01-08", "2030-01-08", "&technicianId=" + tech)
                .statusCode(200).body("sessionMinutes", equalTo(210)).body("bufferMinutes", equalTo(30))
                .body("timeZone", equalTo("Europe/London")).body("technicians[0].displayName", equalTo("Sam Okafor"));
        List<String> before = starts(r);
        // 09:00 … 14:30 (3.5 h must end by 18:00)
        assertThat(before).hasSize(23).startsWith("2030-01-08T09:00:00Z").endsWith("2030-01-08T14:30:00Z");
        c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech, "2030-01-08T13:00:00Z"));
        List<String> after = starts(search(c, c.staff(), c.smp, bald, "2030-01-08", "2030-01-08", "&technicianId=" + tech));
        // the consultation 13:00–13:30 rules out every start whose session plus 30 min clean-up reaches past 13:00
        assertThat(after).contains("2030-01-08T09:00:00Z", "2030-01-08T13:30:00Z")
                .doesNotContain("2030-01-08T09:15:00Z", "2030-01-08T09:30:00Z", "2030-01-08T12:00:00Z", "2030-01-08T13:15:00Z");
        // both technicians are offered where both are free
        List<List<String>> techs = search(c, c.staff(), c.smp, bald, "2030-01-08", "2030-01-08", "").statusCode(200)
                .extract().path("slots.technicianIds");
        assertThat(techs.get(0)).hasSize(2);
    }

    @Test
    void closuresTimeOffAndThePastAreNotOffered() {
        CLOCK.set(Instant.parse("2030-01-08T12:00:00Z"));
        TestClinic c = TestClinic.create();
        UUID tech = c.technicians.get(0);
        c.as(c.admin()).body(Map.of("firstDay", "2030-01-09", "lastDay", "2030-01-09", "reason", "Holiday"))
                .post("/api/v1/clinics/" + c.id + "/closures").then().statusCode(201);
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-10T09:00:00Z", "endsAt", "2030-01-10T17:00:00Z"))
                .post("/api/v1/clinics/" + c.id + "/technicians/" + tech + "/time-off").then().statusCode(201);
        List<String> slots = starts(search(c, c.staff(), c.consultation, feeder.registered(c.id), "2030-01-08", "2030-01-10", "&technicianId=" + tech));
        assertThat(slots).allMatch(s -> s.compareTo("2030-01-08T12:00:00Z") >= 0)
                .noneMatch(s -> s.startsWith("2030-01-09"))
                .filteredOn(s -> s.startsWith("2030-01-10")).containsExactly("2030-01-10T17:00:00Z", "2030-01-10T17:15:00Z", "2030-01-10T17:30:00Z");
    }

    @Test
    void theHealingIntervalMovesTheFirstOfferedStart() {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        TestClinic c = TestClinic.create();
        UUID client = feeder.registered(c.id);
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        c.book(c.staff(), c.booking(client, c.smp, c.technicians.get(0), "2030-01-08T09:00:00Z")); // ends 11:00
        ValidatableResponse r = search(c, c.staff(), c.smp, client, "2030-01-14", "2030-01-16", "");
        r.statusCode(200).body("earliestStart", equalTo("2030-01-15T11:00:00Z"));
        assertThat(starts(r)).first().isEqualTo("2030-01-15T11:00:00Z");
    }

    @Test
    void badRangesAndUnknownThingsAreProblems() {
        TestClinic c = TestClinic.create();
        UUID client = feeder.registered(c.id);
        search(c, c.staff(), c.consultation, client, "2030-01-01", "2030-02-01", "").statusCode(400)
                .body("violations.field", hasItem("to"));
        search(c, c.staff(), c.consultation, client, "2030-01-10", "2030-01-09", "").statusCode(400);
        search(c, c.staff(), c.consultation, client, "2030-01-01", "2030-01-31", "").statusCode(200);
        c.as(c.staff()).get("/api/v1/availability?clientId=" + client + "&from=2030-01-01&to=2030-01-02").then().statusCode(400);
        search(c, c.staff(), UUID.randomUUID(), client, "2030-01-01", "2030-01-02", "").statusCode(404);
        search(c, c.staff(), c.consultation, client, "2030-01-01", "2030-01-02", "&technicianId=" + UUID.randomUUID()).statusCode(404);
        search(c, c.staff(), c.smp, client, "2030-01-01", "2030-01-02", "").statusCode(422)
                .body("type", equalTo(PROBLEM + "plan-required"));
        search(c, c.staff(), c.consultation, null, "2030-01-01", "2030-01-02", "").statusCode(400)
                .body("violations.field", hasItem("clientId"));
        search(c, c.staff(), c.consultation, UUID.randomUUID(), "2030-01-01", "2030-01-02", "").statusCode(422)
                .body("type", equalTo(PROBLEM + "unknown-client"));
    }

    @Test
    void clientsAndSharedPartnersMaySearch() {
        TestClinic c = TestClinic.create();
        UUID client = feeder.registered(c.id);
        search(c, c.client(client), c.consultation, null, "2030-01-08", "2030-01-08", "").statusCode(200)
                .body("clientId", equalTo(client.toString()));
        search(c, c.client(client), c.consultation, UUID.randomUUID(), "2030-01-08", "2030-01-08", "").statusCode(404);
        search(c, c.partner("p-avail"), c.consultation, client, "2030-01-08", "2030-01-08", "").statusCode(403)
                .body("type", equalTo(PROBLEM + "partner-not-registered"));
        feeder.partner(c.id, "p-avail", "ACTIVE");
        search(c, c.partner("p-avail"), c.consultation, client, "2030-01-08", "2030-01-08", "").statusCode(404);
        feeder.shareWithPartner(c.id, client, "p-avail");
        search(c, c.partner("p-avail"), c.consultation, client, "2030-01-08", "2030-01-08", "").statusCode(200)
                .body("slots", hasSize(35));
    }
}
