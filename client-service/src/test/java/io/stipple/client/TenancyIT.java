package io.stipple.client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.TenancyProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.client.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenancy is enforced by PostgreSQL: with real data of two clinics created through the API, queries with no clinic
 * filter at all (the probe connects as the service's runtime role) see one clinic's rows, nothing without a clinic,
 * and the runtime role can neither bypass nor switch off Row-Level Security.
 */
@QuarkusTest
class TenancyIT {

    static final List<String> CLIENT_SERVICE_TABLES = List.of("client", "assessment", "screening", "consent_record",
            "treatment_plan", "audit_entry", "partner", "partner_registry", "partner_sharing", "outbox_event",
            "idempotency_record");

    @Inject
    EntityManager em;

    /** A client with everything client-service holds about one, created by the clinic's admin through the API. */
    private static String clientWithEverything(UUID clinic, String lastName) {
        String admin = DevTokens.token("admin-" + clinic, clinic, "admin");
        String partnerId = "tenancy-" + UUID.randomUUID().toString().substring(0, 8);
        as(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("partnerId", partnerId, "name", "Tenancy partner")).post("/api/v1/partners")
                .then().statusCode(201);
        Map<String, Object> details = Fixtures.newClient();
        details.put("lastName", lastName);
        String clientId = as(admin).header("Idempotency-Key", UUID.randomUUID().toString()).body(details)
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String c = "/api/v1/clients/" + clientId;
        as(admin).body(Fixtures.assessment()).post(c + "/assessments").then().statusCode(201);
        as(admin).body(Fixtures.screening()).post(c + "/screenings").then().statusCode(201);
        as(admin).body(Map.of("scope", "TREATMENT", "textVersion", "t1")).post(c + "/consents").then().statusCode(201);
        as(admin).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId, "textVersion", "s1"))
                .post(c + "/consents").then().statusCode(201);
        String planId = as(admin).body(Map.of("treatmentType", "PERMANENT_SMP")).post(c + "/plans")
                .then().statusCode(201).extract().path("id");
        as(admin).post(c + "/plans/" + planId + "/agreement").then().statusCode(200);
        as(admin).get(c + "/screenings").then().statusCode(200);
        return clientId;
    }

    private long clientsNamed(String lastName) {
        return ((Number) em.createNativeQuery("select count(*) from client where last_name = :name")
                .setParameter("name", lastName).getSingleResult()).longValue();
    }

    @Test
    void aQueryWithNoClinicFilterSeesOnlyTheBoundClinic() {
        String lastName = "Tenancy-" + UUID.randomUUID();
        clientWithEverything(Fixtures.CLINIC, lastName);
        clientWithEverything(Fixtures.OTHER_CLINIC, lastName);

        assertThat(Tenancy.asClinic(Fixtures.CLINIC, () -> QuarkusTransaction.requiringNew()
                .call(() -> clientsNamed(lastName)))).isEqualTo(1);
        assertThat(Tenancy.asClinic(Fixtures.OTHER_CLINIC, () -> QuarkusTransaction.requiringNew()
                .call(() -> clientsNamed(lastName)))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> clientsNamed(lastName))).isZero();
        assertThat(Tenancy.acrossClinics("test: both clinics", () -> QuarkusTransaction.requiringNew()
                .call(() -> clientsNamed(lastName)))).isEqualTo(2);
        // an unfiltered update changes the bound clinic's rows only
        int updated = Tenancy.asClinic(Fixtures.CLINIC, () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("update client set gender_identity = 'probed' where last_name = :name")
                        .setParameter("name", lastName).executeUpdate()));
        assertThat(updated).isEqualTo(1);
        // and a write into another clinic is refused by the database itself
        assertThatThrownBy(() -> Tenancy.asClinic(Fixtures.CLINIC, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("insert into partner_registry (clinic_id, partner_id, name, status, as_of)"
                                + " values (:clinic, 'smuggled', 'x', 'ACTIVE', now())")
                        .setParameter("clinic", Fixtures.OTHER_CLINIC).executeUpdate())))
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void theDatabaseItselfKeepsEveryClinicTableApart() {
        clientWithEverything(Fixtures.CLINIC, "Probe-A");
        clientWithEverything(Fixtures.OTHER_CLINIC, "Probe-B");

        Config config = ConfigProvider.getConfig();
        TenancyProbe.Report report = TenancyProbe.check(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        System.out.println(report);
        System.out.println("TenancyProbe rows per table " + report.rowsPerTable() + ", clinics per table "
                + report.clinicsPerTable());
        assertThat(report.problems()).isEmpty();
        for (String table : CLIENT_SERVICE_TABLES) {
            assertThat(report.clinicsPerTable().get(table)).as("clinics with rows in " + table).isGreaterThanOrEqualTo(2);
        }
        assertThat(report.globalTables()).containsExactly("inbox_event");
    }
}
