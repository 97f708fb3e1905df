package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stipple.client.Fixtures;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The platform's promises, proven through client-service's own endpoints. */
@QuarkusTest
class PlatformBehaviourTest {

    private static void assertCleanProblem(Response response, int status, String type) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(PROBLEM + type);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        String body = response.asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.");
    }

    private static Response postRaw(String path, String json) {
        return given().auth().oauth2(staff()).contentType("application/json").body(json).post(path);
    }

    @Test
    void malformedJsonIs400() {
        assertCleanProblem(postRaw("/api/v1/clients", "{\"firstName\": \"Dan\","), 400, "malformed-json");
        assertCleanProblem(postRaw("/api/v1/clients", "not json at all"), 400, "malformed-json");
    }

    @Test
    void unknownFieldIs400NamingIt() {
        Map<String, Object> body = Fixtures.newClient();
        body.put("nickname", "Danny");
        Response response = as(staff()).body(body).post("/api/v1/clients");
        assertCleanProblem(response, 400, "unknown-field");
        assertThat(response.jsonPath().getList("violations.field")).contains("nickname");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        String clientId = Fixtures.createClient();
        Map<String, Object> body = Fixtures.assessment();
        body.put("coveragePercent", "sixty");
        Response response = as(staff()).body(body).post("/api/v1/clients/" + clientId + "/assessments");
        assertCleanProblem(response, 400, "invalid-value");
        assertThat(response.jsonPath().getList("violations.field")).contains("coveragePercent");

        Map<String, Object> badEnum = Fixtures.newClient();
        badEnum.put("sex", "ROBOT");
        Response enumResponse = as(staff()).body(badEnum).post("/api/v1/clients");
        assertCleanProblem(enumResponse, 400, "invalid-value");
        assertThat(enumResponse.jsonPath().getList("violations.field")).contains("sex");

        Map<String, Object> badDate = Fixtures.newClient();
        badDate.put("dateOfBirth", "12/04/1986");
        assertCleanProblem(as(staff()).body(badDate).post("/api/v1/clients"), 400, "invalid-value");

        Map<String, Object> numberForString = Fixtures.newClient();
        numberForString.put("firstName", 42);
        assertCleanProblem(as(staff()).body(numberForString).post("/api/v1/clients"), 400, "invalid-value");
    }

    @Test
    void missingBodyIs400() {
        Response response = given().auth().oauth2(staff()).contentType("application/json").post("/api/v1/clients");
        assertCleanProblem(response, 400, "validation-failed");
        Response noBodyReview = given().auth().oauth2(staff()).contentType("application/json")
                .post("/api/v1/clients/" + Fixtures.createClient() + "/plans");
        assertCleanProblem(noBodyReview, 400, "validation-failed");
    }

    @Test
    void outOfRangeValueIs400NamingTheField() {
        String clientId = Fixtures.createClient();
        Map<String, Object> body = Fixtures.assessment();
        body.put("coveragePercent", 150);
        Response response = as(staff()).body(body).post("/api/v1/clients/" + clientId + "/assessments");
        assertCleanProblem(response, 400, "validation-failed");
        assertThat(response.jsonPath().getList("violations.field")).contains("coveragePercent");

        Response plan = as(staff()).body(Map.of("treatmentType", "PERMANENT_SMP", "plannedSessions", 0))
                .post("/api/v1/clients/" + clientId + "/plans");
        assertCleanProblem(plan, 400, "validation-failed");
        assertThat(plan.jsonPath().getList("violations.field")).contains("plannedSessions");

        assertCleanProblem(as(staff()).queryParam("page", -1).get("/api/v1/clients"), 400, "validation-failed");
        assertCleanProblem(as(staff()).get("/api/v1/clients/not-a-uuid"), 404, "not-found");
    }

    @Test
    void forgedTokensAre401() {
        String clientId = Fixtures.createClient();
        String path = "/api/v1/clients/" + clientId;
        DevTokens.Builder valid = DevTokens.builder().subject("staff-ana").clinic(Fixtures.CLINIC).roles("staff");
        // the valid token works, so the refusals below are about the forgery alone
        given().auth().oauth2(valid.sign()).get(path).then().statusCode(200);

        List<String> forged = List.of(
                DevTokens.builder().subject("staff-ana").clinic(Fixtures.CLINIC).roles("staff").issuer("https://evil.example").sign(),
                DevTokens.builder().subject("staff-ana").clinic(Fixtures.CLINIC).roles("staff").audience("other-api").sign(),
                DevTokens.builder().subject("staff-ana").clinic(Fixtures.CLINIC).roles("staff")
                        .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(),
                DevTokens.unsigned(valid),
                DevTokens.hs256SignedWithPublicKey(valid),
                DevTokens.signedWithOtherKey(valid),
                "not.a.jwt");
        List<String> names = List.of("wrong issuer", "wrong audience", "expired", "alg none", "HS256 with public key",
                "other RSA key", "garbage");
        for (int i = 0; i < forged.size(); i++) {
            Response response = given().auth().oauth2(forged.get(i)).get(path);
            assertThat(response.statusCode()).as(names.get(i) + ": " + response.asString()).isEqualTo(401);
            assertCleanProblem(response, 401, "unauthorized");
            Response write = given().auth().oauth2(forged.get(i)).contentType("application/json")
                    .body(Fixtures.newClient()).post("/api/v1/clients");
            assertThat(write.statusCode()).as(names.get(i) + " on POST").isEqualTo(401);
        }
    }

    @Test
    void idempotentRetryReturnsTheIdenticalResponse() {
        Map<String, Object> body = Fixtures.newClient();
        String key = "create-" + UUID.randomUUID();
        Response first = as(staff()).header("Idempotency-Key", key).body(body).post("/api/v1/clients");
        Response retry = as(staff()).header("Idempotency-Key", key).body(body).post("/api/v1/clients");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // one client, not two
        as(staff()).queryParam("email", body.get("email")).get("/api/v1/clients").then().body("totalItems", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        Map<String, Object> body = Fixtures.newClient();
        String key = "create-" + UUID.randomUUID();
        as(staff()).header("Idempotency-Key", key).body(body).post("/api/v1/clients").then().statusCode(201);
        body.put("firstName", "Someone else");
        assertCleanProblem(as(staff()).header("Idempotency-Key", key).body(body).post("/api/v1/clients"), 422,
                "idempotency-key-reused");
    }

    @Test
    void aFailedRequestDoesNotBurnTheKey() {
        Map<String, Object> body = Fixtures.newClient();
        body.put("timeZone", "Mars/Olympus");
        String key = "create-" + UUID.randomUUID();
        as(staff()).header("Idempotency-Key", key).body(body).post("/api/v1/clients").then().statusCode(400)
                .body("violations.field", hasItem("timeZone"));
        body.put("timeZone", "Europe/London");
        as(staff()).header("Idempotency-Key", key).body(body).post("/api/v1/clients").then().statusCode(201);
    }
}
