package io.stipple.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Every malformed request shape gets a 400 problem+json naming what is wrong — never a 500 or a stack trace. */
@QuarkusTest
class ProblemDetailsIT {

    private static final String TOKEN = DevTokens.token("staff-1", UUID.fromString(PlatformTestInfra.CLINIC_A), "staff");

    private ValidatableResponse post(String body) {
        var request = given().auth().oauth2(TOKEN).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/api/v1/widgets").then()
                .contentType("application/problem+json")
                .body(not(containsString("at io.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformed_json_is_a_400_problem() {
        post("{\"name\": \"x\", ").statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/widgets"));
    }

    @Test
    void an_unknown_field_is_a_400_naming_it() {
        post("{\"name\":\"x\",\"quantity\":1,\"clinicId\":\"" + PlatformTestInfra.CLINIC_B + "\"}").statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/unknown-field"))
                .body("violations.field", hasItem("clinicId"));
    }

    @Test
    void a_wrong_type_is_a_400_naming_the_field() {
        post("{\"name\":\"x\",\"quantity\":\"lots\"}").statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/invalid-value"))
                .body("violations.field", hasItem("quantity"));
        post("{\"name\":\"x\",\"quantity\":\"3\"}").statusCode(400)
                .body("violations.field", hasItem("quantity"));
        post("{\"name\":5,\"quantity\":3}").statusCode(400)
                .body("violations.field", hasItem("name"));
    }

    @Test
    void a_missing_body_is_a_400() {
        post(null).statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/validation-failed"))
                .body("violations.field", hasItem("body"));
    }

    @Test
    void out_of_range_and_missing_values_are_400_with_each_field_named() {
        post("{\"name\":\"\",\"quantity\":5000}").statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/validation-failed"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("quantity"));
    }

    @Test
    void a_nul_character_in_a_string_is_a_400_not_a_database_error() {
        post("{\"name\":\"a\\u0000b\",\"quantity\":1}").statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/invalid-value"))
                .body("violations.field", hasItem("name"));
        given().urlEncodingEnabled(false).auth().oauth2(TOKEN).get("/api/v1/widgets/" + UUID.randomUUID() + "?q=a%00b")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_before_it_is_read() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .post("/api/v1/widgets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/payload-too-large"));
    }

    @Test
    void a_multipart_body_that_is_not_a_complete_form_is_a_400_problem() throws Exception {
        String truncated = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(5000);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                                + io.restassured.RestAssured.port + "/api/v1/widgets/attachments"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=b0undary")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(truncated)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("https://stipple.io/problems/malformed-body");
    }

    @Test
    void a_json_array_instead_of_an_object_is_a_400() {
        post("[1,2,3]").statusCode(400).body("type", equalTo("https://stipple.io/problems/malformed-json"));
    }

    @Test
    void a_bad_path_id_unknown_path_wrong_method_and_wrong_media_type_are_problems() {
        given().auth().oauth2(TOKEN).get("/api/v1/widgets/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/not-found"));
        given().auth().oauth2(TOKEN).delete("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).contentType(ContentType.XML).body("<widget/>").post("/api/v1/widgets")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_internals() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"name\":\"boom\",\"quantity\":1}")
                .post("/api/v1/widgets?fail=true")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/internal-error"))
                .body(not(containsString("failing on purpose")));
    }

    @Test
    void a_time_parameter_that_is_not_iso_8601_or_out_of_range_is_a_400_naming_it_not_a_404_or_500() {
        given().auth().oauth2(TOKEN).queryParam("from", "2027-01-31T09:30:00Z").queryParam("day", "2027-01-31")
                .get("/api/v1/widgets/schedule").then().statusCode(200)
                .body("startsAt", equalTo("2027-01-31T09:30:00Z")).body("day", equalTo("2027-01-31"));
        for (String[] bad : new String[][] {{"from", "2027-01-01"}, {"from", "+300000-01-01T00:00:00Z"},
                {"from", "-5000-01-01T00:00:00Z"}, {"from", "+999999999-12-31T23:59:59Z"}, {"day", "-5000-01-01"},
                {"day", "0000-01-01"}, {"day", "tomorrow"}}) {
            given().auth().oauth2(TOKEN).queryParam(bad[0], bad[1]).get("/api/v1/widgets/schedule").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://stipple.io/problems/invalid-parameter"))
                    .body("violations[0].field", equalTo(bad[0]))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    void a_time_field_with_a_year_outside_0001_to_9999_is_a_400_naming_it() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"startsAt\": \"2027-01-31T09:30:00Z\", \"day\": \"9999-12-31\"}")
                .post("/api/v1/widgets/schedule").then().statusCode(200);
        for (String body : new String[] {"{\"startsAt\": \"-5000-01-01T00:00:00Z\"}",
                "{\"startsAt\": \"+300000-01-01T00:00:00Z\"}",
                "{\"startsAt\": \"2027-01-31T09:30:00Z\", \"day\": \"-5000-01-01\"}"}) {
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/widgets/schedule").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(containsString("year must be between 0001 and 9999"))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    void an_idempotency_key_from_a_caller_with_a_very_long_subject_still_works() {
        String longSubject = "idp|" + "x".repeat(400);
        String token = DevTokens.token(longSubject, UUID.fromString(PlatformTestInfra.CLINIC_A), "staff");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\": \"long-subject\", \"quantity\": 1}").post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
        String replayed = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\": \"long-subject\", \"quantity\": 1}").post("/api/v1/widgets")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        org.assertj.core.api.Assertions.assertThat(replayed).isEqualTo(first);
    }

    @Test
    void a_domain_rule_violation_is_a_problem_with_its_slug_and_members() {
        given().auth().oauth2(TOKEN).get("/api/v1/widgets/stock-check?quantity=2").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/stock-too-low"))
                .body("title", equalTo("Rule violated"))
                .body("status", equalTo(422))
                .body("detail", equalTo("At least 5 widgets are needed"))
                .body("minimum", equalTo(5))
                .body("instance", equalTo("/api/v1/widgets/stock-check"))
                .body(not(containsString("Exception")));
        given().auth().oauth2(TOKEN).get("/api/v1/widgets/stock-check?quantity=5").then().statusCode(204);
    }
}
