package io.stipple.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import io.stipple.platform.sealing.SealedFields;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Crypto-shredding, the key authority's side: the personal fields of a client's events open only with the client's
 * key, which only booking- and notification-service's own tokens can read, and which erasure destroys.
 */
@QuarkusTest
class ClientKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String service(String name) {
        return DevTokens.builder().subject(name).roles("service").sign();
    }

    private static String keyPath(UUID clinic, String clientId) {
        return "/api/v1/internal/client-keys/" + clinic + "/" + clientId;
    }

    @Test
    void the_events_personal_fields_open_with_the_key_the_consumers_read_and_never_after_erasure() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.clients")) {
            Map<String, Object> details = Fixtures.newClient();
            String clientId = Fixtures.createClient(details);
            ConsumerRecord<String, String> record = probe.awaitRecords(r -> clientId.equals(r.key())
                    && r.value().contains("io.stipple.ClientRegistered"), 1, Duration.ofSeconds(30)).get(0);
            JsonNode event = JSON.readTree(record.value());
            assertThat(record.value()).doesNotContain((String) details.get("email"))
                    .doesNotContain((String) details.get("lastName"));

            String key = given().auth().oauth2(service("notification-service")).get(keyPath(Fixtures.CLINIC, clientId))
                    .then().statusCode(200).header("Cache-Control", "no-store")
                    .body("algorithm", equalTo("A256GCM")).body("clientId", equalTo(clientId))
                    .extract().path("key");
            given().auth().oauth2(service("booking-service")).get(keyPath(Fixtures.CLINIC, clientId))
                    .then().statusCode(200).body("key", equalTo(key));
            JsonNode opened = SealedFields.open(Base64.getDecoder().decode(key), Fixtures.CLINIC,
                    UUID.fromString(clientId), event.path("data").path("sealed"));
            assertThat(opened.path("firstName").asText()).isEqualTo(details.get("firstName"));
            assertThat(opened.path("lastName").asText()).isEqualTo(details.get("lastName"));
            assertThat(opened.path("email").asText()).isEqualTo(details.get("email"));
            assertThat(opened.path("phone").asText()).isEqualTo(details.get("phone"));
            assertThat(opened.path("dateOfBirth").asText()).isEqualTo(details.get("dateOfBirth"));

            // the same client id under another clinic, an unknown client: no key
            given().auth().oauth2(service("booking-service")).get(keyPath(Fixtures.OTHER_CLINIC, clientId))
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(service("booking-service")).get(keyPath(Fixtures.CLINIC, UUID.randomUUID().toString()))
                    .then().statusCode(404);

            as(Fixtures.admin()).delete("/api/v1/clients/" + clientId).then().statusCode(204);
            given().auth().oauth2(service("notification-service")).get(keyPath(Fixtures.CLINIC, clientId))
                    .then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo(Fixtures.PROBLEM + "client-erased"));
        }
    }

    @Test
    void only_the_services_that_open_sealed_fields_read_keys_never_a_person_or_another_service() {
        String clientId = Fixtures.createClient();
        String path = keyPath(Fixtures.CLINIC, clientId);
        for (String token : List.of(service("gallery-service"), service("client-service"), staff(), Fixtures.admin(),
                Fixtures.client(clientId), Fixtures.partner("any-partner"),
                // a staff token that also claims the service role is a person's token, not a service's
                DevTokens.builder().subject("booking-service").clinic(Fixtures.CLINIC).roles("service", "admin").sign())) {
            given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\"key\"")));
        }
        given().get(path).then().statusCode(401);
        given().auth().oauth2(DevTokens.signedWithOtherKey(DevTokens.builder().subject("booking-service").roles("service")))
                .get(path).then().statusCode(401);
        given().auth().oauth2(service("booking-service")).get(path).then().statusCode(200);
    }
}
