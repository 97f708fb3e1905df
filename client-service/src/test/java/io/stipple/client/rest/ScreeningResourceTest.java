package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import io.stipple.client.domain.ScreeningAnswers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.screening;
import static io.stipple.client.Fixtures.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ScreeningResourceTest {

    @Test
    void nothingFoundIsEligible() {
        String clientId = Fixtures.createClient();
        as(staff()).body(screening()).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("eligibility", equalTo("ELIGIBLE")).body("reasons", empty())
                .body("allowsTreatment", equalTo(true)).body("minor", equalTo(false))
                .body("allergies", contains("latex"));
    }

    @Test
    void blockingFindingsAreNotEligibleWithReasons() {
        String clientId = Fixtures.createClient();
        as(staff()).body(screening("activeScalpInfection", "keloidTendency"))
                .post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("reasons", contains(ScreeningAnswers.ACTIVE_INFECTION, ScreeningAnswers.KELOID))
                .body("allowsTreatment", equalTo(false));
        as(staff()).body(screening("pregnant")).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("reasons", contains(ScreeningAnswers.PREGNANCY));
    }

    @Test
    void aMinorNeedsAGuardiansConsentWhichComesFromTheDateOfBirth() {
        Map<String, Object> minor = Fixtures.newClient();
        minor.put("dateOfBirth", LocalDate.now().minusYears(16).toString());
        String clientId = Fixtures.createClient(minor);
        as(staff()).body(screening()).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).body("minor", equalTo(true)).body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("reasons", contains(ScreeningAnswers.MINOR_WITHOUT_GUARDIAN));
        as(staff()).body(screening("guardianConsent")).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).body("eligibility", equalTo("ELIGIBLE"));
    }

    @Test
    void needsReviewUntilAStaffMemberMarksItReviewed() {
        String clientId = Fixtures.createClient();
        String id = as(staff()).body(screening("bloodThinners", "eczema"))
                .post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).body("eligibility", equalTo("NEEDS_REVIEW"))
                .body("reasons", contains(ScreeningAnswers.BLOOD_THINNERS, ScreeningAnswers.ECZEMA))
                .body("reviewed", equalTo(false)).body("allowsTreatment", equalTo(false))
                .extract().path("id");
        String review = "/api/v1/clients/" + clientId + "/screenings/" + id + "/review";

        as(staff()).body(Map.of("notes", "GP letter seen")).post(review).then().statusCode(428)
                .body("type", equalTo(PROBLEM + "precondition-required"));
        as(staff()).header("If-Match", "\"7\"").body(Map.of("notes", "GP letter seen")).post(review)
                .then().statusCode(412).body("type", equalTo(PROBLEM + "stale-version"));
        as(staff()).header("If-Match", "\"0\"").body(Map.of("notes", "GP letter seen")).post(review)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("reviewed", equalTo(true)).body("reviewedBy", equalTo("staff-ana"))
                .body("reviewNotes", equalTo("GP letter seen")).body("allowsTreatment", equalTo(true));
        as(staff()).header("If-Match", "\"1\"").body(Map.of()).post(review)
                .then().statusCode(409).body("type", equalTo(PROBLEM + "screening-already-reviewed"));

        as(staff()).get("/api/v1/clients/" + clientId + "/screenings/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("reviewed", equalTo(true));
        as(staff()).get("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void onlyANeedsReviewScreeningCanBeReviewed() {
        String clientId = Fixtures.createClient();
        String id = Fixtures.recordScreening(clientId, "pregnant");
        as(staff()).header("If-Match", "\"0\"").body(Map.of())
                .post("/api/v1/clients/" + clientId + "/screenings/" + id + "/review")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "screening-review-not-needed"));
    }

    @Test
    void everyQuestionMustBeAnswered() {
        String clientId = Fixtures.createClient();
        Map<String, Object> body = screening();
        body.remove("pregnant");
        as(staff()).body(body).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"))
                .body("violations.field", hasItem("pregnant"));
    }
}
