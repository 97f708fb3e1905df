package io.stipple.gallery.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OpenApiAndHealthTest {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithProblemResponses() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/gallery/photos'.post.summary", equalTo("Upload a photo"))
                .body("paths.'/api/v1/gallery/photos'.post.responses.'413'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/gallery/sets/{id}/publish'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/gallery/public/sets'.get.summary", equalTo("List published sets"))
                .body("paths.'/api/v1/gallery/files/{id}'.get.responses.'403'", notNullValue())
                .body("components.schemas.PublicSet.properties", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void healthCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"))
                .body(containsString("Image storage"));
    }
}
