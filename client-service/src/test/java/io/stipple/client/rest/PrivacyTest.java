package io.stipple.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PrivacyTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportsEverythingHeldAsOneDocument() {
        String clientId = Fixtures.readyClient();
        String planId = Fixtures.proposePlan(clientId);
        as(Fixtures.client(clientId)).get("/api/v1/clients/" + clientId + "/export")
                .then().statusCode(200)
                .body("exportedAt", org.hamcrest.Matchers.notNullValue())
                .body("client.id", equalTo(clientId))
                .body("assessments", hasSize(1))
                .body("screenings", hasSize(1))
                .body("consents.current.find { it.scope == 'TREATMENT' }.granted", equalTo(true))
                .body("consentHistory", hasSize(1))
                .body("treatmentPlans.id", equalTo(List.of(planId)))
                .body("accessLog.action", hasItems("CREATE", "GRANT", "EXPORT"));
        as(staff()).get("/api/v1/clients/" + clientId + "/export").then().statusCode(200);
    }

    @Test
    void readsAndChangesOfMedicalDataAndConsentsAreAuditedForAdmins() {
        String clientId = Fixtures.createClient();
        String screeningId = Fixtures.recordScreening(clientId, "psoriasis");
        as(Fixtures.client(clientId)).get("/api/v1/clients/" + clientId + "/screenings/" + screeningId).then().statusCode(200);
        as(staff()).get("/api/v1/clients/" + clientId + "/consents").then().statusCode(200);
        Fixtures.grant(clientId, "CLINICAL_PHOTOS");

        as(Fixtures.admin()).get("/api/v1/clients/" + clientId + "/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "READ", "READ", "GRANT")))
                .body("items.resourceType", equalTo(List.of("SCREENING", "SCREENING", "CONSENT", "CONSENT")))
                .body("items[0].actor", equalTo("staff-ana"))
                .body("items[1].actor", equalTo("portal-user-" + clientId))
                .body("items[1].actorRole", equalTo("client"))
                .body("items[1].resourceId", equalTo(screeningId));
        as(staff()).get("/api/v1/clients/" + clientId + "/audit").then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
    }

    @Test
    void erasureLeavesNoPersonalDataInAnyTableAndTellsTheOtherServices() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> details = Fixtures.newClient();
        details.put("firstName", "Erasmo" + unique);
        details.put("lastName", "Forgetti" + unique);
        details.put("genderIdentity", "identity-" + unique);
        String email = (String) details.get("email");
        String phone = (String) details.get("phone");

        // registered with an Idempotency-Key, so the stored response holds the client's details too
        String clientId = as(staff()).header("Idempotency-Key", "erase-" + unique).body(details)
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        Map<String, Object> assessment = Fixtures.assessment();
        assessment.put("hairColour", "colour-" + unique);
        assessment.put("notes", "assessment-notes-" + unique);
        as(staff()).body(assessment).post("/api/v1/clients/" + clientId + "/assessments").then().statusCode(201);
        Map<String, Object> screening = Fixtures.screening("keloidTendency");
        screening.put("allergies", List.of("allergy-" + unique));
        screening.put("notes", "screening-notes-" + unique);
        String screeningId = as(staff()).body(screening).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).extract().path("id");
        as(staff()).header("If-Match", "\"0\"").body(Map.of("notes", "review-notes-" + unique))
                .post("/api/v1/clients/" + clientId + "/screenings/" + screeningId + "/review").then().statusCode(200);
        as(staff()).header("Idempotency-Key", "consent-" + unique)
                .body(Map.of("scope", "TREATMENT", "textVersion", "t-2026"))
                .post("/api/v1/clients/" + clientId + "/consents").then().statusCode(201);
        as(Fixtures.client(clientId)).body(Map.of("scope", "MARKETING", "textVersion", "m-2026"))
                .post("/api/v1/clients/" + clientId + "/consents").then().statusCode(201);
        Fixtures.share(clientId, "partner-" + unique);
        String planId = as(staff()).body(Map.of("treatmentType", "PERMANENT_SMP", "hairlineDesignNotes", "hairline-" + unique))
                .post("/api/v1/clients/" + clientId + "/plans").then().statusCode(201).extract().path("id");
        as(staff()).post("/api/v1/clients/" + clientId + "/plans/" + planId + "/agreement").then().statusCode(200);
        as(Fixtures.client(clientId)).get("/api/v1/clients/" + clientId + "/export").then().statusCode(200);

        List<String> personal = List.of("Erasmo" + unique, "Forgetti" + unique, email, phone, "identity-" + unique,
                "colour-" + unique, "assessment-notes-" + unique, "allergy-" + unique, "screening-notes-" + unique,
                "review-notes-" + unique, "hairline-" + unique, "portal-user-" + clientId);
        // before: the data is really there, so the search below can find it
        // (the outbox holds the client's events with those fields sealed, and the client's key that opens them)
        assertThat(tablesContaining(email)).contains("client", "idempotency_record").doesNotContain("outbox_event");
        assertThat(count("select count(*) from client_key where client_id = ?::uuid", clientId)).isEqualTo(1);
        assertThat(tablesContaining("screening-notes-" + unique)).contains("screening");
        assertThat(count("select count(*) from partner_sharing where client_id = ?::uuid", clientId)).isEqualTo(1);

        try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.clients")) {
            as(staff()).delete("/api/v1/clients/" + clientId).then().statusCode(403);
            as(Fixtures.otherClinicAdmin()).delete("/api/v1/clients/" + clientId).then().statusCode(404);
            as(Fixtures.admin()).delete("/api/v1/clients/" + clientId).then().statusCode(204);

            ConsumerRecord<String, String> erased = probe.awaitRecords(
                    r -> clientId.equals(r.key()) && r.value().contains("\"io.stipple.ClientErased\""), 1,
                    Duration.ofSeconds(30)).get(0);
            JsonNode event = JSON.readTree(erased.value());
            assertThat(event.path("subject").asText()).isEqualTo(clientId);
            assertThat(event.path("clinicid").asText()).isEqualTo(Fixtures.CLINIC.toString());
            List<String> dataFields = new ArrayList<>();
            event.path("data").fieldNames().forEachRemaining(dataFields::add);
            assertThat(dataFields).containsExactlyInAnyOrder("clientId", "erasedAt");
        }

        for (String value : personal) {
            assertThat(tablesContaining(value)).as("tables still holding '%s'", value).isEmpty();
        }
        for (String table : List.of("assessment", "screening", "consent_record", "treatment_plan", "partner_sharing")) {
            assertThat(count("select count(*) from " + table + " where client_id = ?::uuid", clientId)).as(table).isZero();
        }
        assertThat(count("select count(*) from client where id = ?::uuid", clientId)).isZero();
        // crypto-shredding: the key of the client's sealed event fields is gone with the client
        assertThat(count("select count(*) from client_key where client_id = ?::uuid", clientId)).isZero();
        // what is left about the client is ids: the audit facts; even the ClientErased event's outbox row goes as soon
        // as it is sent (the client is recorded in erased_subject)
        assertThat(count("select count(*) from erased_subject where subject = ?", clientId)).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                count("select count(*) from outbox_event where message_key = ?", clientId) == 0);
        assertThat(count("select count(*) from audit_entry where client_id = ?::uuid and detail is not null", clientId)).isZero();

        as(Fixtures.admin()).get("/api/v1/clients/" + clientId).then().statusCode(404);
        as(Fixtures.client(clientId)).get("/api/v1/clients/" + clientId + "/export").then().statusCode(404);
        as(Fixtures.admin()).delete("/api/v1/clients/" + clientId).then().statusCode(404);
        as(Fixtures.admin()).get("/api/v1/clients/" + clientId + "/audit").then().statusCode(200)
                .body("totalItems", greaterThan(3))
                .body("items.action", hasItem("ERASE"))
                .body("items.actor", hasItem("erased-client"))
                .body("items.detail", everyItemNull());
        // the idempotency key is free again: replaying it does not resurrect the stored response
        as(staff()).header("Idempotency-Key", "erase-" + unique).body(details)
                .post("/api/v1/clients").then().statusCode(201).body("id", org.hamcrest.Matchers.not(equalTo(clientId)));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemNull() {
        return org.hamcrest.Matchers.everyItem(nullValue());
    }

    /** The tables of the service's database with a row whose text (or bytea column, read as UTF-8) contains the value. */
    private List<String> tablesContaining(String value) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = everyClinic()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            assertThat(tables).contains("client", "assessment", "screening", "consent_record", "treatment_plan",
                    "audit_entry", "outbox_event", "idempotency_record", "inbox_event");
            for (String table : tables) {
                List<String> conditions = new ArrayList<>(List.of("position(lower(?) in lower(t::text)) > 0"));
                try (PreparedStatement columns = connection.prepareStatement(
                        "select column_name from information_schema.columns where table_schema = 'public' and table_name = ? and data_type = 'bytea'")) {
                    columns.setString(1, table);
                    try (ResultSet rs = columns.executeQuery()) {
                        while (rs.next()) conditions.add("position(convert_to(?, 'UTF8') in t." + rs.getString(1) + ") > 0");
                    }
                }
                try (PreparedStatement query = connection.prepareStatement(
                        "select count(*) from " + table + " t where " + String.join(" or ", conditions))) {
                    for (int i = 1; i <= conditions.size(); i++) query.setString(i, value);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) found.add(table);
                    }
                }
            }
        }
        return found;
    }

    /**
     * A connection that sees every clinic's rows (Row-Level Security hides all of them from a connection with no
     * clinic): the search for erased data covers the whole database.
     */
    private Connection everyClinic() {
        return Tenancy.acrossClinics("test: search every table for an erased client's data", () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String sql, String param) throws Exception {
        try (Connection connection = everyClinic(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, param);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
