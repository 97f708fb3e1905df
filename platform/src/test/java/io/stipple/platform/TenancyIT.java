package io.stipple.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.TenancyProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tenancy is enforced by PostgreSQL, not by the queries: SQL with no clinic filter at all sees only the clinic
 * of the token (HTTP) or of the bound scope, nothing without one, and writes into another clinic are refused.
 */
@QuarkusTest
class TenancyIT {

    static final UUID CLINIC_A = UUID.fromString(PlatformTestInfra.CLINIC_A);
    static final UUID CLINIC_B = UUID.fromString(PlatformTestInfra.CLINIC_B);

    @Inject
    EntityManager em;

    @Inject
    PartnerDirectory partners;

    private static String create(UUID clinic, String name) {
        return given().auth().oauth2(DevTokens.token("staff", clinic, "staff")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "quantity", 1)).post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
    }

    private long countUnfiltered(String name) {
        return ((Number) em.createNativeQuery("select count(*) from widget where name = :name")
                .setParameter("name", name).getSingleResult()).longValue();
    }

    @Test
    void a_query_with_no_clinic_filter_sees_only_the_bound_clinic_and_nothing_without_one() {
        String name = "tenancy-" + UUID.randomUUID();
        create(CLINIC_A, name);
        create(CLINIC_A, name);
        create(CLINIC_B, name);

        assertThat(Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().call(() -> countUnfiltered(name))))
                .isEqualTo(2);
        assertThat(Tenancy.asClinic(CLINIC_B, () -> QuarkusTransaction.requiringNew().call(() -> countUnfiltered(name))))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> countUnfiltered(name))).isZero();
        assertThat(Tenancy.acrossClinics("test: both clinics", () -> QuarkusTransaction.requiringNew()
                .call(() -> countUnfiltered(name)))).isEqualTo(3);
    }

    @Test
    void a_write_into_another_clinic_is_refused_by_the_database() {
        assertThatThrownBy(() -> Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("insert into widget (id, clinic_id, name, quantity) values (:id, :clinic, 'x', 1)")
                        .setParameter("id", UUID.randomUUID()).setParameter("clinic", CLINIC_B).executeUpdate())))
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void over_http_the_token_clinic_scopes_a_query_that_names_no_clinic() {
        String ofB = create(CLINIC_B, "unfiltered-b");
        given().auth().oauth2(DevTokens.token("staff", CLINIC_B, "staff")).get("/api/v1/widgets/" + ofB + "/unfiltered")
                .then().statusCode(200).body("id", equalTo(ofB));
        given().auth().oauth2(DevTokens.token("admin", CLINIC_A, "admin")).get("/api/v1/widgets/" + ofB + "/unfiltered")
                .then().statusCode(404);
    }

    @Test
    void pooled_connections_never_carry_one_clinic_into_another_request() throws Exception {
        String ofA = create(CLINIC_A, "pool-a");
        String ofB = create(CLINIC_B, "pool-b");
        String tokenA = DevTokens.token("staff", CLINIC_A, "staff");
        String tokenB = DevTokens.token("staff", CLINIC_B, "staff");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int j = 0; j < 25; j++) {
                        // own widget visible, the other clinic's not, whoever used the connection before
                        statuses.add(given().auth().oauth2(even ? tokenA : tokenB)
                                .get("/api/v1/widgets/" + (even ? ofA : ofB) + "/unfiltered").statusCode());
                        statuses.add(given().auth().oauth2(even ? tokenA : tokenB)
                                .get("/api/v1/widgets/" + (even ? ofB : ofA) + "/unfiltered").statusCode() + 1000);
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> f : results) {
                assertThat(f.get()).containsOnly(200, 1404);
            }
        } finally {
            pool.shutdown();
        }
        // and a connection handed out with no scope after all that sees nothing
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from widget").getSingleResult()).longValue())).isZero();
    }

    @Test
    void the_database_itself_keeps_every_clinic_table_apart() {
        create(CLINIC_A, "probe-a");
        create(CLINIC_B, "probe-b");
        Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().run(() ->
                partners.register(CLINIC_A, "probe-partner", "Probe", PartnerDirectory.ACTIVE, Instant.now())));
        var config = ConfigProvider.getConfig();
        TenancyProbe.Report report = TenancyProbe.check(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        System.out.println(report);
        assertThat(report.problems()).isEmpty();
        assertThat(report.clinicsPerTable().get("widget")).isGreaterThanOrEqualTo(2);
        assertThat(report.rowsPerTable()).containsKeys("outbox_event", "idempotency_record", "partner_registry",
                "partner_sharing", "widget_projection");
        assertThat(report.globalTables()).containsExactly("inbox_event");
    }
}
