package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.TestClinic;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.booking.TestClinic.clinicBody;
import static io.stipple.booking.TestClinic.week;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ClinicResourceTest {

    @Test
    void anAdminCreatesThenUpdatesTheClinicWithIfMatch() {
        TestClinic c = TestClinic.create();
        c.as(c.staff()).get("/api/v1/clinics/" + c.id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("timeZone", equalTo("Europe/London"))
                .body("openingHours", hasSize(7))
                .body("openingHours[0].opens", equalTo("09:00:00"))
                .body("cancellationNoticeHours", equalTo(48));
        Map<String, Object> body = clinicBody("Europe/Berlin", week("10:00", "19:00"));
        c.as(c.admin()).body(body).put("/api/v1/clinics/" + c.id).then().statusCode(428)
                .body("type", equalTo(PROBLEM + "precondition-required"));
        c.as(c.admin()).header("If-Match", "\"7\"").body(body).put("/api/v1/clinics/" + c.id).then().statusCode(412)
                .body("type", equalTo(PROBLEM + "stale-version"));
        c.as(c.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/clinics/" + c.id).then().statusCode(200)
                .header("ETag", "\"1\"").body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void whatGetReturnsIsAcceptedBackByPutWithOneFieldChanged() {
        TestClinic c = TestClinic.create();
        io.restassured.response.Response read = c.as(c.admin()).get("/api/v1/clinics/" + c.id);
        Map<String, Object> profile = new java.util.LinkedHashMap<>(read.then().statusCode(200).extract().jsonPath().getMap(""));
        assertThat(profile).containsKeys("id", "createdAt", "updatedAt", "version");
        profile.put("cancellationNoticeHours", 24);
        c.as(c.admin()).header("If-Match", read.getHeader("ETag")).body(profile).put("/api/v1/clinics/" + c.id).then()
                .statusCode(200).body("cancellationNoticeHours", equalTo(24)).body("id", equalTo(c.id.toString()));
        // a field that is neither the request's nor GET's read-only one is still refused
        profile.put("colour", "teal");
        c.as(c.admin()).header("If-Match", "\"1\"").body(profile).put("/api/v1/clinics/" + c.id).then()
                .statusCode(400).body("type", equalTo(PROBLEM + "unknown-field"));
    }

    @Test
    void theClinicIsTheTokensAnotherIsNotFound() {
        TestClinic c = TestClinic.create();
        UUID other = UUID.randomUUID();
        c.as(c.admin()).body(clinicBody("Europe/London", week("09:00", "17:00"))).put("/api/v1/clinics/" + other)
                .then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
        c.as(c.admin()).get("/api/v1/clinics/" + other).then().statusCode(404);
        c.as(DevTokens.token("admin-x", other, "admin")).get("/api/v1/clinics/" + c.id).then().statusCode(404);
    }

    @Test
    void onlyAnAdminMayChangeTheProfile() {
        TestClinic c = TestClinic.create();
        c.as(c.staff()).body(clinicBody("Europe/London", week("09:00", "17:00"))).put("/api/v1/clinics/" + c.id)
                .then().statusCode(403).body("type", equalTo(PROBLEM + "forbidden"));
        c.as("not-a-token").get("/api/v1/clinics/" + c.id).then().statusCode(401);
    }

    @Test
    void aBadZoneOrOverlappingHoursAreRejectedByField() {
        UUID id = UUID.randomUUID();
        String admin = DevTokens.token("admin-y", id, "admin");
        TestClinic c = TestClinic.create();
        c.as(admin).body(clinicBody("Mars/Olympus", week("09:00", "17:00"))).put("/api/v1/clinics/" + id)
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"))
                .body("violations.field", hasItem("timeZone"));
        c.as(admin).body(clinicBody("Europe/London", List.of(Map.of("weekday", "MONDAY", "opens", "18:00", "closes", "09:00"))))
                .put("/api/v1/clinics/" + id).then().statusCode(400).body("violations.field", hasItem("openingHours[0]"));
        c.as(admin).body(clinicBody("Europe/London", List.of(
                        Map.of("weekday", "MONDAY", "opens", "09:00", "closes", "13:00"),
                        Map.of("weekday", "MONDAY", "opens", "12:00", "closes", "17:00"))))
                .put("/api/v1/clinics/" + id).then().statusCode(400).body("violations.field", hasItem("openingHours"));
        Map<String, Object> noName = clinicBody("Europe/London", week("09:00", "17:00"));
        noName.remove("name");
        c.as(admin).body(noName).put("/api/v1/clinics/" + id).then().statusCode(400).body("violations.field", hasItem("name"));
    }

    @Test
    void closuresAreAddedListedAndRemoved() {
        TestClinic c = TestClinic.create();
        String id = c.as(c.admin()).body(Map.of("firstDay", "2030-12-25", "lastDay", "2030-12-26", "reason", "Christmas"))
                .post("/api/v1/clinics/" + c.id + "/closures").then().statusCode(201).extract().path("id");
        c.as(c.admin()).body(Map.of("firstDay", "2030-12-26", "lastDay", "2030-12-25", "reason", "Backwards"))
                .post("/api/v1/clinics/" + c.id + "/closures").then().statusCode(400).body("violations.field", hasItem("lastDay"));
        c.as(c.staff()).get("/api/v1/clinics/" + c.id + "/closures").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reason", equalTo("Christmas")).body("totalItems", equalTo(1));
        c.as(c.admin()).delete("/api/v1/clinics/" + c.id + "/closures/" + id).then().statusCode(204);
        c.as(c.admin()).delete("/api/v1/clinics/" + c.id + "/closures/" + id).then().statusCode(404);
    }

    @Test
    void techniciansAreManagedWithETags() {
        TestClinic c = TestClinic.create();
        String base = "/api/v1/clinics/" + c.id + "/technicians/";
        UUID tech = c.technicians.get(0);
        c.as(c.client(UUID.randomUUID())).get(base + tech).then().statusCode(200).body("displayName", equalTo("Sam Okafor"));
        Map<String, Object> update = Map.of("displayName", "Sam O.", "treatmentIds", List.of(c.smp.toString()),
                "workingHours", week("10:00", "16:00"), "active", true);
        c.as(c.admin()).body(update).put(base + tech).then().statusCode(428);
        c.as(c.admin()).header("If-Match", "\"0\"").body(update).put(base + tech).then().statusCode(200)
                .header("ETag", "\"1\"").body("treatmentIds", hasSize(1)).body("workingHours[0].opens", equalTo("10:00:00"));
        Map<String, Object> foreignTreatment = Map.of("displayName", "X", "treatmentIds", List.of(UUID.randomUUID().toString()),
                "workingHours", week("10:00", "16:00"));
        c.as(c.admin()).body(foreignTreatment).post("/api/v1/clinics/" + c.id + "/technicians").then().statusCode(400)
                .body("violations.field", hasItem("treatmentIds[0]"));
        c.as(c.staff()).get("/api/v1/clinics/" + c.id + "/technicians?size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
        c.as(c.staff()).body(update).post("/api/v1/clinics/" + c.id + "/technicians").then().statusCode(403);
    }

    @Test
    void timeOffIsRecordedForATechnician() {
        TestClinic c = TestClinic.create();
        String base = "/api/v1/clinics/" + c.id + "/technicians/" + c.technicians.get(0) + "/time-off";
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-10T09:00:00Z", "endsAt", "2030-01-09T09:00:00Z"))
                .post(base).then().statusCode(400).body("violations.field", hasItem("endsAt"));
        String id = c.as(c.staff()).body(Map.of("startsAt", "2030-07-10T09:00:00Z", "endsAt", "2030-07-10T13:00:00Z", "reason", "Course"))
                .post(base).then().statusCode(201).body("startsAt", equalTo("2030-07-10T10:00:00+01:00")).extract().path("id");
        c.as(c.staff()).get(base).then().statusCode(200).body("items", hasSize(1));
        c.as(c.staff()).delete(base + "/" + id).then().statusCode(204);
        c.as(c.staff()).get(base).then().body("items", hasSize(0));
    }

    @Test
    void roomsHaveUniqueNames() {
        TestClinic c = TestClinic.create();
        String base = "/api/v1/clinics/" + c.id + "/rooms";
        c.as(c.admin()).body(Map.of("name", "Room 1")).post(base).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "room-name-taken"));
        c.as(c.admin()).header("If-Match", "\"0\"").body(Map.of("name", "Chair A", "active", false))
                .put(base + "/" + c.rooms.get(0)).then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(1));
        c.as(c.staff()).get(base).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void theCatalogueValidatesKindsAndTheHealingFloor() {
        TestClinic c = TestClinic.create();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("kind", "SMP_SESSION", "treatmentType", "TRICOPIGMENTATION",
                "name", "Wrong", "baseDurationMinutes", 120, "bufferMinutes", 30,
                "price", Map.of("amountMinor", 1000, "currency", "GBP")));
        c.as(c.admin()).body(body).post("/api/v1/treatments").then().statusCode(400).body("violations.field", hasItem("treatmentType"));
        body.put("treatmentType", "PERMANENT_SMP");
        body.put("healingIntervalDays", 6);
        c.as(c.admin()).body(body).post("/api/v1/treatments").then().statusCode(400).body("violations.field", hasItem("healingIntervalDays"));
        body.put("healingIntervalDays", 10);
        body.put("price", Map.of("amountMinor", -1, "currency", "GBP"));
        c.as(c.admin()).body(body).post("/api/v1/treatments").then().statusCode(400).body("violations.field", hasItem("price.amountMinor"));
        body.put("price", Map.of("amountMinor", 1000, "currency", "GBP"));
        body.put("durationRules", List.of(Map.of("minCoveragePercent", 90, "maxCoveragePercent", 10, "durationMinutes", 60)));
        c.as(c.admin()).body(body).post("/api/v1/treatments").then().statusCode(400).body("violations.field", hasItem("durationRules[0]"));
        c.as(c.staff()).get("/api/v1/treatments/" + c.smp).then().statusCode(200)
                .body("durationRules", hasSize(3)).body("durationRules[1].durationMinutes", equalTo(210))
                .body("price.amountMinor", equalTo(45000));
        c.as(c.client(UUID.randomUUID())).get("/api/v1/treatments").then().statusCode(200).body("totalItems", equalTo(3));
        c.as(DevTokens.token("admin-z", UUID.randomUUID(), "admin")).get("/api/v1/treatments/" + c.smp).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        io.restassured.RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/bookings"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/availability"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/payments/stripe/webhook"))
                // the API records' schema names are the contract of the front end and the journey suite's lint:
                // they are the @Schema names (and Page<…View> names), whatever file holds the Java record
                .body("components.schemas.keySet()", org.hamcrest.Matchers.containsInAnyOrder(
                        "Address", "Availability", "AvailableTechnician", "Booking", "BookingClientExport",
                        "BookingClientFacts", "BookingKind", "BookingPlanFacts", "BookingStatus", "CancelRequest",
                        "CancelledBy", "Clinic", "ClinicRequest", "Closure", "ClosureRequest", "CompleteBookingRequest",
                        "ConfirmHoldRequest", "CreateBookingRequest", "CreateSeriesRequest", "DayOfWeek", "DeadLetter", "DurationRule", "HealingOverride",
                        "HealingOverrideRecord", "Instant", "LocalDate", "LocalTime", "Money", "OffsetDateTime", "Outcome",
                        "PageBookingView", "PageClosureView", "PageRoomView", "PageTechnicianView", "PageTimeOffView",
                        "PageTreatmentView", "Pigment", "Problem", "ReplayReport", "RescheduleRequest", "Room",
                        "RoomRequest", "Series", "SeriesAvailability", "SeriesCombination", "SeriesSessionRequest", "SeriesSlot",
                        "SessionRecord", "Slot", "Technician", "TechnicianRequest", "TimeOff",
                        "TimeOffRequest", "Treatment", "TreatmentRequest", "TreatmentType", "UUID", "Violation",
                        "WeeklyHours", "JoinWaitlistRequest", "PageWaitlistEntryView", "PageWaitlistOfferView",
                        "WaitlistEntry", "WaitlistEntryStatus", "WaitlistMode", "WaitlistOffer", "WaitlistOfferStatus",
                        "CancellationFees", "DepositPolicy", "Payment", "PaymentAction", "PaymentDecision", "PaymentStatus"));
    }
}
