package io.stipple.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event on stipple.clients is a CloudEvent with the documented fields, valid against docs/asyncapi/client-service.yaml. */
@QuarkusTest
class ClientEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContracts CONTRACT = EventContracts.forService("client-service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aClientsLifePublishesEveryEventInOrderMatchingTheContract() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.clients")) {
            Map<String, Object> details = Fixtures.newClient();
            String clientId = as(staff()).header("X-Correlation-Id", "corr-events-1").body(details)
                    .post("/api/v1/clients").then().statusCode(201).extract().path("id");
            details.put("firstName", "Dan");
            as(staff()).header("If-Match", "\"0\"").body(details).put("/api/v1/clients/" + clientId).then().statusCode(200);
            String assessmentId = Fixtures.recordAssessment(clientId);
            String screeningId = Fixtures.recordScreening(clientId, "bloodThinners");
            as(staff()).header("If-Match", "\"0\"").body(Map.of())
                    .post("/api/v1/clients/" + clientId + "/screenings/" + screeningId + "/review").then().statusCode(200);
            Fixtures.grant(clientId, "TREATMENT");
            Fixtures.share(clientId, "p-events");
            as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", "p-events"))
                    .post("/api/v1/clients/" + clientId + "/consents/withdrawals").then().statusCode(201);
            String planId = as(staff()).body(Map.of("treatmentType", "SCAR_CAMOUFLAGE", "plannedSessions", 2,
                    "healingIntervalDays", 14)).post("/api/v1/clients/" + clientId + "/plans").then().statusCode(201)
                    .extract().path("id");
            as(staff()).post("/api/v1/clients/" + clientId + "/plans/" + planId + "/agreement").then().statusCode(200);
            as(staff()).post("/api/v1/clients/" + clientId + "/plans/" + planId + "/completion").then().statusCode(200);
            String cancelled = Fixtures.proposePlan(clientId);
            as(staff()).body(Map.of("reason", "Client moved abroad"))
                    .post("/api/v1/clients/" + clientId + "/plans/" + cancelled + "/cancellation").then().statusCode(200);
            // erasure drops the client's events still waiting in the outbox: let these go out first
            probe.awaitRecords(r -> clientId.equals(r.key()), 11, Duration.ofSeconds(40));
            as(Fixtures.admin()).delete("/api/v1/clients/" + clientId).then().statusCode(204);

            List<String> expected = List.of("ClientRegistered", "ClientUpdated", "AssessmentRecorded",
                    "ScreeningRecorded", "ScreeningRecorded", "ConsentGranted", "ConsentGranted", "ConsentWithdrawn",
                    "TreatmentPlanAgreed", "TreatmentPlanCompleted", "TreatmentPlanCancelled", "ClientErased");
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> clientId.equals(r.key()),
                    expected.size(), Duration.ofSeconds(40));

            Map<String, JsonNode> byType = new LinkedHashMap<>();
            List<String> types = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode event = JSON.readTree(record.value());
                String name = event.path("type").asText().substring("io.stipple.".length());
                types.add(name);
                byType.putIfAbsent(name, event);
                CONTRACT.assertValid(name, record.value());
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                assertThat(event.path("source").asText()).isEqualTo("/stipple/client-service");
                assertThat(event.path("subject").asText()).isEqualTo(clientId);
                assertThat(event.path("clinicid").asText()).isEqualTo(Fixtures.CLINIC.toString());
                // ClientRegistered and ClientUpdated seal the personal fields (version 2); the rest is version 1
                assertThat(event.path("schemaversion").asInt())
                        .isEqualTo(name.equals("ClientRegistered") || name.equals("ClientUpdated") ? 2 : 1);
                assertThat(event.path("data").path("clientId").asText()).isEqualTo(clientId);
                assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/cloudevents+json");
            }
            assertThat(types).containsExactlyElementsOf(expected);

            JsonNode registered = byType.get("ClientRegistered");
            assertThat(registered.path("correlationid").asText()).isEqualTo("corr-events-1");
            // name, e-mail, phone and date of birth only sealed (ClientKeysTest opens them with the client's key)
            for (String field : List.of("firstName", "lastName", "email", "phone", "dateOfBirth")) {
                assertThat(registered.path("data").has(field)).as(field).isFalse();
                assertThat(byType.get("ClientUpdated").path("data").has(field)).as(field).isFalse();
            }
            assertThat(registered.path("data").path("sealed").path("alg").asText()).isEqualTo("A256GCM");
            for (ConsumerRecord<String, String> record : records) {
                assertThat(record.value()).doesNotContain((String) details.get("email"))
                        .doesNotContain((String) details.get("phone")).doesNotContain("\"Dan\"");
            }
            assertThat(registered.path("data").path("preferredChannels").toString()).isEqualTo("[\"EMAIL\",\"SMS\"]");
            assertThat(registered.path("data").path("version").asInt()).isZero();
            assertThat(byType.get("ClientUpdated").path("data").path("version").asInt()).isEqualTo(1);

            JsonNode assessment = byType.get("AssessmentRecorded").path("data");
            assertThat(assessment.path("assessmentId").asText()).isEqualTo(assessmentId);
            assertThat(assessment.path("stage").asText()).isEqualTo("5A");
            assertThat(assessment.path("coveragePercent").asInt()).isEqualTo(60);

            JsonNode screening = records.stream().map(r -> read(r.value()))
                    .filter(e -> e.path("type").asText().endsWith("ScreeningRecorded")).toList().get(1).path("data");
            assertThat(screening.path("screeningId").asText()).isEqualTo(screeningId);
            assertThat(screening.path("eligibility").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(screening.path("reviewed").asBoolean()).isTrue();

            JsonNode granted = byType.get("ConsentGranted").path("data");
            assertThat(granted.path("scope").asText()).isEqualTo("TREATMENT");
            assertThat(granted.path("partnerId").isNull()).isTrue();
            assertThat(granted.path("recordedBy").asText()).isEqualTo("staff-ana");
            JsonNode withdrawn = byType.get("ConsentWithdrawn").path("data");
            assertThat(withdrawn.path("scope").asText()).isEqualTo("PARTNER_SHARING");
            assertThat(withdrawn.path("partnerId").asText()).isEqualTo("p-events");

            JsonNode agreed = byType.get("TreatmentPlanAgreed").path("data");
            assertThat(agreed.path("planId").asText()).isEqualTo(planId);
            assertThat(agreed.path("treatmentType").asText()).isEqualTo("SCAR_CAMOUFLAGE");
            assertThat(agreed.path("plannedSessions").asInt()).isEqualTo(2);
            assertThat(agreed.path("healingIntervalDays").asInt()).isEqualTo(14);
            assertThat(agreed.path("scale").asText()).isEqualTo("NORWOOD");
            assertThat(agreed.path("stage").asText()).isEqualTo("5A");
            assertThat(agreed.path("condition").asText()).isEqualTo("ANDROGENETIC");
            assertThat(agreed.path("eligibility").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(agreed.path("sex").asText()).isEqualTo("MALE");

            assertThat(byType.get("TreatmentPlanCompleted").path("data").path("planId").asText()).isEqualTo(planId);
            assertThat(byType.get("TreatmentPlanCancelled").path("data").path("reason").asText()).isEqualTo("Client moved abroad");
        }
    }

    @Test
    void thePartnerRegistryPublishesPartnerRegisteredAndPartnerUpdatedKeyedByPartnerId() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.clients")) {
            String partnerId = Fixtures.newPartnerId();
            as(Fixtures.admin()).header("X-Correlation-Id", "corr-partner-1")
                    .body(Map.of("partnerId", partnerId, "name", "Acme Hair Clinic")).post("/api/v1/partners")
                    .then().statusCode(201);
            as(Fixtures.admin()).header("If-Match", "\"0\"").body(Map.of("name", "Acme Hair", "status", "SUSPENDED"))
                    .put("/api/v1/partners/" + partnerId).then().statusCode(200);
            // refused changes publish nothing
            as(Fixtures.admin()).body(Map.of("partnerId", partnerId, "name", "Again")).post("/api/v1/partners")
                    .then().statusCode(409);
            as(Fixtures.admin()).header("If-Match", "\"0\"").body(Map.of("name", "Stale", "status", "ACTIVE"))
                    .put("/api/v1/partners/" + partnerId).then().statusCode(412);

            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> partnerId.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertThat(probe.drain(Duration.ofSeconds(1)).stream().filter(r -> partnerId.equals(r.key()))).hasSize(2);
            List<String> types = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode event = JSON.readTree(record.value());
                String name = event.path("type").asText().substring("io.stipple.".length());
                types.add(name);
                CONTRACT.assertValid(name, record.value());
                assertThat(event.path("subject").asText()).isEqualTo(partnerId);
                assertThat(event.path("clinicid").asText()).isEqualTo(Fixtures.CLINIC.toString());
                assertThat(event.path("source").asText()).isEqualTo("/stipple/client-service");
                assertThat(event.path("data").path("partnerId").asText()).isEqualTo(partnerId);
                assertThat(event.path("data").path("occurredAt").asText()).isNotBlank();
            }
            assertThat(types).containsExactly("PartnerRegistered", "PartnerUpdated");
            JsonNode registered = JSON.readTree(records.get(0).value());
            assertThat(registered.path("correlationid").asText()).isEqualTo("corr-partner-1");
            assertThat(registered.path("data").path("name").asText()).isEqualTo("Acme Hair Clinic");
            assertThat(registered.path("data").path("status").asText()).isEqualTo("ACTIVE");
            JsonNode updated = JSON.readTree(records.get(1).value()).path("data");
            assertThat(updated.path("name").asText()).isEqualTo("Acme Hair");
            assertThat(updated.path("status").asText()).isEqualTo("SUSPENDED");
        }
    }

    @Test
    void aRefusedChangePublishesNothing() {
        try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.clients")) {
            String clientId = Fixtures.createClient();
            String planId = Fixtures.proposePlan(clientId);
            as(staff()).post("/api/v1/clients/" + clientId + "/plans/" + planId + "/agreement").then().statusCode(422);
            as(staff()).body(Map.of("scope", "MARKETING")).post("/api/v1/clients/" + clientId + "/consents/withdrawals")
                    .then().statusCode(422);
            Fixtures.recordAssessment(clientId); // a marker after the refusals
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> clientId.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertThat(records).extracting(r -> read(r.value()).path("type").asText())
                    .containsExactly("io.stipple.ClientRegistered", "io.stipple.AssessmentRecorded");
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
