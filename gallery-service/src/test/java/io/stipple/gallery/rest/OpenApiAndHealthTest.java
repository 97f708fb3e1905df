package io.stipple.gallery.rest;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.platform.security.AccessRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    /** Deny by default: every operation declares who it lets through (the journey suite's authorization matrix). */
    @Test
    void everyOperationDeclaresItsAccessRule() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        Set<String> kinds = Set.of("admin", "staff", "otherClinicStaff", "self", "otherClient", "sharedPartner",
                "unsharedPartner", "otherClinicPartner", "anonymous", "public");
        Map<String, String> declared = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                declared.put(op.getKey().toUpperCase() + " " + path.getKey(),
                        op.getValue().path(AccessRule.EXTENSION).asText(""));
            }
        }));
        assertThat(declared).hasSize(25); // 23 of its own + the platform's dead-letter list and replay
        assertThat(declared).allSatisfy((op, rule) -> {
            assertThat(rule).as(op).isNotBlank();
            assertThat(Set.of(rule.split(" "))).as(op).isSubsetOf(kinds);
        });
        assertThat(declared).containsEntry("GET /api/v1/gallery/public/sets", "public")
                .containsEntry("GET /api/v1/gallery/files/{id}", "public")
                .containsEntry("POST /api/v1/gallery/photos", "admin staff")
                .containsEntry("GET /api/v1/gallery/photos/{id}/access-log", "admin")
                .containsEntry("GET /api/v1/gallery/client-exports/{clientId}", "admin staff self");
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
