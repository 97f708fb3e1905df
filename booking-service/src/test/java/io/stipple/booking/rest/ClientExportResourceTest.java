package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.TestClinic;
import io.stipple.testinfra.DevTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** booking-service's part of the GDPR export: GET /api/v1/bookings/client-exports/{clientId}. */
@QuarkusTest
class ClientExportResourceTest {

    /** Monday 7 January 2030, 08:00 UTC (London is on GMT). */
    static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");

    @Inject
    ClientEventsFeeder feeder;

    TestClinic c;

    @BeforeEach
    void setUp() {
        CLOCK.set(NOW);
        c = TestClinic.create();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private static String path(UUID clientId) {
        return "/api/v1/bookings/client-exports/" + clientId;
    }

    @Test
    void theClientAndTheClinicsStaffGetEveryBookingSessionRecordAndPlanOfTheClientAndNothingElse() {
        UUID client = UUID.randomUUID();
        UUID plan = feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        UUID tech = c.technicians.get(0);
        Map<String, Object> consultation = c.booking(client, c.consultation, tech, "2030-01-07T14:00:00Z");
        consultation.put("preparationNotes", "Bring photos of your hairline");
        String consultationId = c.book(c.staff(), consultation);
        String sessionId = c.book(c.staff(), c.booking(client, c.smp, tech, "2030-01-08T09:00:00Z"));
        CLOCK.set(Instant.parse("2030-01-08T09:00:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + sessionId + "/check-in").then().statusCode(200);
        CLOCK.set(Instant.parse("2030-01-08T11:00:00Z"));
        c.as(c.staff()).body(BookingResourceTest.sessionRecord()).post("/api/v1/bookings/" + sessionId + "/complete")
                .then().statusCode(200);
        // another client of the same clinic, booked too: never part of this client's export
        UUID other = feeder.registered(c.id);
        String othersBooking = c.book(c.staff(), c.booking(other, c.consultation, tech, "2030-01-09T10:00:00Z"));

        String export = c.as(c.client(client)).get(path(client)).then().statusCode(200)
                .body("clientId", equalTo(client.toString()))
                .body("clinicId", equalTo(c.id.toString()))
                .body("client.sex", equalTo("MALE"))
                .body("client.eligibility", equalTo("ELIGIBLE"))
                .body("treatmentPlans.planId", equalTo(List.of(plan.toString())))
                .body("treatmentPlans[0].plannedSessions", equalTo(3))
                .body("bookings.id", equalTo(List.of(consultationId, sessionId)))
                .body("bookings.kind", equalTo(List.of("CONSULTATION", "SMP_SESSION")))
                .body("bookings.status", equalTo(List.of("CONFIRMED", "COMPLETED")))
                .body("bookings[0].preparationNotes", equalTo("Bring photos of your hairline"))
                .body("bookings[1].planId", equalTo(plan.toString()))
                .body("sessionRecords.bookingId", equalTo(List.of(sessionId)))
                .body("sessionRecords[0].pigment.lot", equalTo("LOT-24-0917"))
                .body("sessionRecords[0].technicianNotes", equalTo("Light pressure at the crown"))
                .extract().asString();
        assertThat(export).doesNotContain(other.toString()).doesNotContain(othersBooking);

        c.as(c.staff()).get(path(client)).then().statusCode(200)
                .body("bookings.id", equalTo(List.of(consultationId, sessionId)));
        c.as(c.admin()).get(path(client)).then().statusCode(200)
                .body("sessionRecords.bookingId", equalTo(List.of(sessionId)));
        // a client with nothing booked yet: the projection, no bookings
        c.as(c.client(other)).get(path(other)).then().statusCode(200)
                .body("bookings.id", equalTo(List.of(othersBooking)))
                .body("sessionRecords", equalTo(List.of()));
    }

    @Test
    void anotherClinicAnotherClientAPartnerAnUnknownAndAnErasedClientGetNothing() {
        UUID client = feeder.registered(c.id);
        c.book(c.staff(), c.booking(client, c.consultation, c.technicians.get(0), "2030-01-07T14:00:00Z"));
        c.as(c.staff()).get(path(client)).then().statusCode(200);

        UUID otherClinic = UUID.randomUUID();
        c.as(DevTokens.token("staff-elsewhere", otherClinic, "staff")).get(path(client)).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + "not-found"));
        c.as(DevTokens.token("admin-elsewhere", otherClinic, "admin")).get(path(client)).then().statusCode(404);
        // the same client id in a token of another clinic
        c.as(DevTokens.builder().subject("portal-x").clinic(otherClinic).roles("client").clientId(client).sign())
                .get(path(client)).then().statusCode(404);
        // another client of the same clinic
        UUID someoneElse = feeder.registered(c.id);
        c.as(c.client(someoneElse)).get(path(client)).then().statusCode(404);
        // partners never get an export, shared or not
        String partner = "export-partner-" + c.id.toString().substring(0, 8);
        feeder.shareWithPartner(c.id, client, partner);
        c.as(c.partner(partner)).get(path(client)).then().statusCode(403);
        RestAssured.given().get(path(client)).then().statusCode(401);
        // a client this clinic never heard of
        c.as(c.staff()).get(path(UUID.randomUUID())).then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
        // erased: nothing is held any more
        feeder.apply("ClientErased", c.id, client, null);
        c.as(c.staff()).get(path(client)).then().statusCode(404);
    }

    @Test
    void theOperationDeclaresWhoMayCallIt() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/bookings/client-exports/{clientId}'.get.x-stipple-access", equalTo("admin staff self"))
                .body("paths.'/api/v1/bookings/client-exports/{clientId}'.get.responses.'404'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/bookings/client-exports/{clientId}'.post", nullValue());
    }
}
