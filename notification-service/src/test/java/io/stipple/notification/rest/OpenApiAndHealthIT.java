package io.stipple.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.platform.security.AccessRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What an on-call engineer and a front-end developer look at first. */
@QuarkusTest
class OpenApiAndHealthIT {

    @Test
    void the_openapi_document_describes_every_endpoint_with_problem_responses() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/v1/notifications/preview"))
                .body(containsString("/api/v1/reminder-policies"))
                .body(containsString("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver"))
                .body(containsString("application/problem+json"))
                .body(containsString("\"bearer\""));
    }

    @Test
    void every_operation_declares_who_it_lets_through() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> operations = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !op.containsKey("responses")) return; // path-level parameters
            operations.add(method + " " + path);
            Object access = op.get(AccessRule.EXTENSION);
            if (!(access instanceof String value) || value.isBlank()) undeclared.add(method + " " + path);
        }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(21) // 19 of its own (the GDPR export part included) + the platform's 2
                .contains("get /api/v1/notifications/client-exports/{clientId}", "post /api/v1/webhooks/{id}/secret-rotation");
        assertThat(undeclared).as("operations without " + AccessRule.EXTENSION).isEmpty();
        Map<String, Object> subscription = paths.get("/api/v1/webhooks/{id}");
        assertThat(((Map<?, ?>) subscription.get("put")).get(AccessRule.EXTENSION)).isEqualTo("admin");
        Map<String, Object> rotation = paths.get("/api/v1/webhooks/{id}/secret-rotation");
        assertThat(((Map<?, ?>) rotation.get("post")).get(AccessRule.EXTENSION)).isEqualTo("admin");
        // the deprecated signature header is documented as such next to the Standard Webhooks headers
        String create = (String) ((Map<?, ?>) paths.get("/api/v1/webhooks").get("post")).get("description");
        assertThat(create).contains("webhook-signature", "whsec_").containsPattern("Deprecated.*Stipple-Signature");
    }

    @Test
    void readiness_covers_the_database_and_kafka() {
        given().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
    }
}
