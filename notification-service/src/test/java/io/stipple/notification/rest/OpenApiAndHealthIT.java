package io.stipple.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
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
    void readiness_covers_the_database_and_kafka() {
        given().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
    }
}
