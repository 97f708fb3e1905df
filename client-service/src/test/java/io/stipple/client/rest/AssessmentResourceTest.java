package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.assessment;
import static io.stipple.client.Fixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AssessmentResourceTest {

    @Test
    void recordsAnAssessmentAndKeepsTheHistory() {
        String clientId = Fixtures.createClient();
        Map<String, Object> first = assessment();
        first.put("assessedAt", "2026-01-10T10:00:00Z");
        String firstId = as(staff()).body(first).post("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/clients/" + clientId + "/assessments/"))
                .body("scale", equalTo("NORWOOD")).body("stage", equalTo("5A"))
                .body("coveragePercent", equalTo(60)).body("recordedBy", equalTo("staff-ana"))
                .extract().path("id");
        Map<String, Object> second = assessment();
        second.put("stage", "6");
        second.put("coveragePercent", 75);
        String secondId = as(staff()).body(second).post("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(201).extract().path("id");

        as(staff()).get("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(200).body("items", hasSize(2)).body("items.id", equalTo(java.util.List.of(firstId, secondId)))
                .body("items[0].assessedAt", equalTo("2026-01-10T10:00:00Z"));
        as(staff()).get("/api/v1/clients/" + clientId + "/assessments/" + secondId)
                .then().statusCode(200).body("stage", equalTo("6"));
        as(staff()).get("/api/v1/clients/" + clientId + "/assessments/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
    }

    @Test
    void ludwigAndScarAssessments() {
        String clientId = Fixtures.createClient();
        Map<String, Object> ludwig = assessment();
        ludwig.put("scale", "LUDWIG");
        ludwig.put("stage", "II");
        ludwig.put("condition", "DIFFUSE_THINNING");
        ludwig.put("desiredLook", "DENSITY_BEHIND_LONGER_HAIR");
        as(staff()).body(ludwig).post("/api/v1/clients/" + clientId + "/assessments").then().statusCode(201);

        Map<String, Object> scar = assessment();
        scar.put("scale", "NONE");
        scar.put("stage", null);
        scar.put("condition", "SCAR_FUT");
        scar.put("desiredLook", "SCAR_CAMOUFLAGE");
        scar.put("scar", Map.of("lengthMm", 180, "widthMm", 4, "maturity", "MATURE"));
        as(staff()).body(scar).post("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(201).body("scar.lengthMm", equalTo(180)).body("scar.maturity", equalTo("MATURE"));
    }

    @Test
    void inconsistentCombinationsAreRefusedNamingTheField() {
        String clientId = Fixtures.createClient();
        String path = "/api/v1/clients/" + clientId + "/assessments";

        Map<String, Object> norwoodOnLudwig = assessment();
        norwoodOnLudwig.put("scale", "LUDWIG");
        norwoodOnLudwig.put("stage", "3V");
        as(staff()).body(norwoodOnLudwig).post(path).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "validation-failed")).body("violations.field", hasItem("stage"));

        Map<String, Object> overFull = assessment();
        overFull.put("coveragePercent", 120);
        as(staff()).body(overFull).post(path).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "validation-failed")).body("violations.field", hasItem("coveragePercent"));

        Map<String, Object> scarWithoutDetails = assessment();
        scarWithoutDetails.put("condition", "SCAR_FUE");
        scarWithoutDetails.put("desiredLook", "SCAR_CAMOUFLAGE");
        as(staff()).body(scarWithoutDetails).post(path).then().statusCode(400).body("violations.field", hasItem("scar"));

        Map<String, Object> camouflageWithoutScar = assessment();
        camouflageWithoutScar.put("desiredLook", "SCAR_CAMOUFLAGE");
        as(staff()).body(camouflageWithoutScar).post(path).then().statusCode(400)
                .body("violations.field", hasItem("condition"));

        Map<String, Object> future = assessment();
        future.put("assessedAt", "2999-01-01T00:00:00Z");
        as(staff()).body(future).post(path).then().statusCode(400).body("violations.field", hasItem("assessedAt"));

        as(staff()).get(path).then().body("totalItems", equalTo(0));
    }

    @Test
    void clientsReadTheirOwnButDoNotRecord() {
        String clientId = Fixtures.createClient();
        Fixtures.recordAssessment(clientId);
        as(Fixtures.client(clientId)).get("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(200).body("items", hasSize(1));
        as(Fixtures.client(clientId)).body(assessment()).post("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(403).body("type", equalTo(PROBLEM + "forbidden"));
    }
}
