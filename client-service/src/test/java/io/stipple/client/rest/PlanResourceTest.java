package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PlanResourceTest {

    private static String plans(String clientId) {
        return "/api/v1/clients/" + clientId + "/plans";
    }

    @Test
    void proposesWithDefaults() {
        String clientId = Fixtures.createClient();
        as(staff()).body(Map.of("treatmentType", "TRICOPIGMENTATION")).post(plans(clientId))
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("PROPOSED")).body("plannedSessions", equalTo(3))
                .body("healingIntervalDays", equalTo(7)).body("createdBy", equalTo("staff-ana"));
        as(staff()).get(plans(clientId)).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void plannedSessionsMustBeOneToSix() {
        String clientId = Fixtures.createClient();
        as(staff()).body(Map.of("treatmentType", "PERMANENT_SMP", "plannedSessions", 7)).post(plans(clientId))
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"))
                .body("violations.field", hasItem("plannedSessions"));
    }

    @Test
    void healingIntervalBelowSevenDaysOnlyByAnAdminWithAReason() {
        String clientId = Fixtures.createClient();
        as(staff()).body(Map.of("treatmentType", "PERMANENT_SMP", "healingIntervalDays", 5,
                        "healingIntervalOverrideReason", "fast healer")).post(plans(clientId))
                .then().statusCode(422).body("type", equalTo(PROBLEM + "healing-interval-override-required"));
        as(Fixtures.admin()).body(Map.of("treatmentType", "PERMANENT_SMP", "healingIntervalDays", 5))
                .post(plans(clientId))
                .then().statusCode(422).body("type", equalTo(PROBLEM + "healing-interval-override-required"));
        as(Fixtures.admin()).body(Map.of("treatmentType", "PERMANENT_SMP", "healingIntervalDays", 5,
                        "healingIntervalOverrideReason", "Touch-up of a small area")).post(plans(clientId))
                .then().statusCode(201).body("healingIntervalDays", equalTo(5))
                .body("healingIntervalOverrideReason", equalTo("Touch-up of a small area"))
                .body("healingIntervalOverrideBy", equalTo("admin-omar"));
    }

    @Test
    void editsAProposedPlanWithIfMatchAndSignsOffTheHairline() {
        String clientId = Fixtures.createClient();
        String planId = Fixtures.proposePlan(clientId);
        String plan = plans(clientId) + "/" + planId;

        as(staff()).post(plan + "/hairline-sign-off").then().statusCode(200)
                .body("hairlineSignedOffBy", equalTo("staff-ana")).body("hairlineSignedOffAt", notNullValue())
                .header("ETag", "\"1\"");
        Map<String, Object> terms = new HashMap<>(Map.of("treatmentType", "PERMANENT_SMP", "plannedSessions", 4,
                "healingIntervalDays", 10, "hairlineDesignNotes", "Sharper temple points"));
        as(staff()).body(terms).put(plan).then().statusCode(428);
        as(staff()).header("If-Match", "\"0\"").body(terms).put(plan).then().statusCode(412)
                .body("type", equalTo(PROBLEM + "stale-version"));
        as(staff()).header("If-Match", "\"1\"").body(terms).put(plan).then().statusCode(200)
                .body("plannedSessions", equalTo(4)).body("healingIntervalDays", equalTo(10))
                .body("hairlineSignedOffBy", nullValue());
        as(staff()).get(plan).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void signOffNeedsDesignNotes() {
        String clientId = Fixtures.createClient();
        String planId = as(staff()).body(Map.of("treatmentType", "PERMANENT_SMP")).post(plans(clientId))
                .then().statusCode(201).extract().path("id");
        as(staff()).post(plans(clientId) + "/" + planId + "/hairline-sign-off")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "hairline-design-missing"));
    }

    @Test
    void agreesStartsAndCompletes() {
        String clientId = Fixtures.readyClient();
        String planId = Fixtures.proposePlan(clientId);
        String plan = plans(clientId) + "/" + planId;
        as(staff()).post(plan + "/agreement").then().statusCode(200)
                .body("status", equalTo("AGREED")).body("eligibility", equalTo("ELIGIBLE"))
                .body("agreedBy", equalTo("staff-ana")).body("assessmentId", notNullValue());
        as(staff()).header("If-Match", "\"0\"").body(Map.of("treatmentType", "PERMANENT_SMP")).put(plan)
                .then().statusCode(412);
        as(staff()).header("If-Match", "\"1\"").body(Map.of("treatmentType", "PERMANENT_SMP")).put(plan)
                .then().statusCode(409).body("type", equalTo(PROBLEM + "invalid-plan-transition"));
        as(staff()).post(plan + "/start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(staff()).post(plan + "/completion").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("completedAt", notNullValue());
        as(staff()).body(Map.of("reason", "too late")).post(plan + "/cancellation")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "invalid-plan-transition"));
    }

    @Test
    void agreeingNeedsTreatmentConsent() {
        String clientId = Fixtures.createClient();
        Fixtures.recordAssessment(clientId);
        Fixtures.recordScreening(clientId);
        String planId = Fixtures.proposePlan(clientId);
        as(staff()).post(plans(clientId) + "/" + planId + "/agreement")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "treatment-consent-missing"))
                .body("missing", equalTo("TREATMENT_CONSENT"));
        // a withdrawn consent counts as none
        Fixtures.grant(clientId, "TREATMENT");
        as(staff()).body(Map.of("scope", "TREATMENT")).post("/api/v1/clients/" + clientId + "/consents/withdrawals")
                .then().statusCode(201);
        as(staff()).post(plans(clientId) + "/" + planId + "/agreement")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "treatment-consent-missing"));
    }

    @Test
    void agreeingNeedsAScreeningThatAllowsTreatment() {
        String clientId = Fixtures.createClient();
        Fixtures.recordAssessment(clientId);
        Fixtures.grant(clientId, "TREATMENT");
        String planId = Fixtures.proposePlan(clientId);
        String agree = plans(clientId) + "/" + planId + "/agreement";

        as(staff()).post(agree).then().statusCode(422).body("type", equalTo(PROBLEM + "screening-missing"));

        Fixtures.recordScreening(clientId, "activeScalpInfection");
        as(staff()).post(agree).then().statusCode(422).body("type", equalTo(PROBLEM + "client-not-eligible"));

        String review = Fixtures.recordScreening(clientId, "keloidTendency");
        as(staff()).post(agree).then().statusCode(422).body("type", equalTo(PROBLEM + "screening-review-pending"))
                .body("screeningId", equalTo(review));

        as(staff()).header("If-Match", "\"0\"").body(Map.of("notes", "patch test fine"))
                .post("/api/v1/clients/" + clientId + "/screenings/" + review + "/review").then().statusCode(200);
        as(staff()).post(agree).then().statusCode(200).body("status", equalTo("AGREED"))
                .body("eligibility", equalTo("NEEDS_REVIEW"));
    }

    @Test
    void agreeingNeedsAnAssessmentAndNoOtherActivePlan() {
        String clientId = Fixtures.createClient();
        Fixtures.recordScreening(clientId);
        Fixtures.grant(clientId, "TREATMENT");
        String first = Fixtures.proposePlan(clientId);
        as(staff()).post(plans(clientId) + "/" + first + "/agreement")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "assessment-missing"));
        Fixtures.recordAssessment(clientId);
        as(staff()).post(plans(clientId) + "/" + first + "/agreement").then().statusCode(200);

        String second = Fixtures.proposePlan(clientId);
        as(staff()).post(plans(clientId) + "/" + second + "/agreement")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "active-plan-exists"))
                .body("activePlanId", equalTo(first));
    }

    @Test
    void cancelsWithAReason() {
        String clientId = Fixtures.createClient();
        String planId = Fixtures.proposePlan(clientId);
        String plan = plans(clientId) + "/" + planId;
        as(staff()).body(Map.of()).post(plan + "/cancellation").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        as(staff()).header("If-Match", "\"5\"").body(Map.of("reason", "x")).post(plan + "/cancellation")
                .then().statusCode(412);
        as(staff()).header("If-Match", "\"0\"").body(Map.of("reason", "Client moved abroad")).post(plan + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Client moved abroad"));
        as(staff()).post(plan + "/start").then().statusCode(409).body("type", equalTo(PROBLEM + "invalid-plan-transition"));
    }

    @Test
    void unknownPlanIsNotFound() {
        String clientId = Fixtures.createClient();
        as(staff()).get(plans(clientId) + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo(PROBLEM + "not-found"));
    }

    /**
     * Issue 11, finding 5: four agreements of four proposed plans of one client at the same moment gave three AGREED
     * plans. "One agreed or running plan per client" is now a unique index: exactly one wins.
     */
    @Test
    void simultaneousAgreementsOfDifferentPlansOfOneClientAgreeExactlyOne() throws Exception {
        String clientId = Fixtures.readyClient();
        List<String> planIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            planIds.add(Fixtures.proposePlan(clientId));
        }
        String token = staff();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> results = new ArrayList<>();
            for (String planId : planIds) {
                results.add(pool.submit(() -> {
                    start.await();
                    return as(token).post(plans(clientId) + "/" + planId + "/agreement");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : results) {
                Response response = result.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.jsonPath().getString("type")).isEqualTo(PROBLEM + "active-plan-exists");
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        List<String> statuses = as(staff()).get(plans(clientId)).then().statusCode(200).extract().path("items.status");
        assertThat(statuses).containsExactlyInAnyOrder("AGREED", "PROPOSED", "PROPOSED", "PROPOSED");
    }
}
