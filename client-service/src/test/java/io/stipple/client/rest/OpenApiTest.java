package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stipple.platform.security.AccessRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every endpoint with a summary, its success and problem responses, and examples. */
@QuarkusTest
class OpenApiTest {

    private static final List<String> KINDS = List.of(AccessRule.SERVICE, AccessRule.ADMIN, AccessRule.STAFF, AccessRule.OTHER_CLINIC_STAFF,
            AccessRule.SELF, AccessRule.OTHER_CLIENT, AccessRule.SHARED_PARTNER, AccessRule.UNSHARED_PARTNER,
            AccessRule.OTHER_CLINIC_PARTNER);

    @Test
    void everyOperationIsDescribed() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/clients", "/api/v1/clients/{clientId}",
                "/api/v1/clients/{clientId}/assessments", "/api/v1/clients/{clientId}/assessments/{assessmentId}",
                "/api/v1/clients/{clientId}/screenings", "/api/v1/clients/{clientId}/screenings/{screeningId}/review",
                "/api/v1/clients/{clientId}/consents", "/api/v1/clients/{clientId}/consents/withdrawals",
                "/api/v1/clients/{clientId}/consents/history", "/api/v1/clients/{clientId}/plans",
                "/api/v1/clients/{clientId}/plans/{planId}/agreement", "/api/v1/clients/{clientId}/export",
                "/api/v1/clients/{clientId}/audit", "/api/v1/partners", "/api/v1/partners/{partnerId}");
        int operations = 0;
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) continue;
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                assertThat(operation.get("summary")).as(where + " summary").isNotNull();
                // a readable, unique operationId for generated clients (platform OperationIdOpenApiFilter)
                assertThat((String) operation.get("operationId")).as(where + " operationId")
                        .matches("[a-z][A-Za-z0-9]+").doesNotContain("_");
                assertThat(operationIds.add((String) operation.get("operationId"))).as(where + " operationId unique").isTrue();
                assertThat(operation.get("security")).as(where + " security").isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                assertThat(responses.keySet()).as(where + " responses").anyMatch(code -> code.startsWith("2"));
                assertThat(responses).as(where + " responses").containsKeys("401", "403");
                // who is let through, declared next to the operation (issue 11's authorization matrix)
                Object access = operation.get(AccessRule.EXTENSION);
                assertThat(access).as(where + " " + AccessRule.EXTENSION).isInstanceOf(String.class);
                assertThat(((String) access).split(" ")).as(where + " " + AccessRule.EXTENSION)
                        .isNotEmpty().isSubsetOf(KINDS);
                if (path.getKey().startsWith("/api/v1/internal/")) {
                    // server to server: other services' own tokens only, never a person's
                    assertThat((String) access).as(where).isEqualTo(AccessRule.SERVICE);
                } else {
                    assertThat(((String) access).split(" ")).as(where).contains(AccessRule.ADMIN);
                }
                if (path.getKey().contains("{clientId}") || path.getKey().contains("{partnerId}")) {
                    assertThat(responses).as(where).containsKey("404");
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("4")) {
                        // a shared answer (the platform's 429) is a $ref to components.responses
                        Map<String, Object> answer = response.getValue();
                        if (answer.get("$ref") instanceof String ref) {
                            answer = doc.getMap("components.responses." + ref.substring(ref.lastIndexOf('/') + 1));
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) answer.get("content");
                        assertThat(content).as(where + " " + response.getKey()).containsKey("application/problem+json");
                    }
                }
            }
        }
        // 33 of its own + the internal client-key read + the platform's dead-letter list and replay
        assertThat(operations).isEqualTo(36);
        assertThat(doc.getString("paths.'/api/v1/clients/{clientId}'.get.'x-stipple-access'"))
                .isEqualTo("admin staff self sharedPartner");
        assertThat(doc.getString("paths.'/api/v1/partners'.post.'x-stipple-access'")).isEqualTo("admin");
        assertThat(doc.getString("paths.'/api/v1/clients/{clientId}/consents/history'.get.operationId")).isEqualTo("consentHistory");
        assertThat(doc.getString("components.schemas.PartnerRequest.properties.partnerId.examples[0]")).isEqualTo("acme-hair");
        assertThat(doc.getString("components.schemas.ClientRequest.properties.email.examples[0]")).isNotBlank();
        assertThat(doc.getString("components.schemas.Problem.properties.type.examples[0]")).isNotBlank();
        assertThat(doc.getString("components.schemas.AssessmentRequest.properties.stage.examples[0]")).isEqualTo("5A");
        assertThat(doc.getString("components.schemas.TreatmentPlan.properties.status.examples[0]")).isEqualTo("PROPOSED");
        assertThat(doc.getMap("components.securitySchemes")).containsKey("bearer");
    }
}
