package io.stipple.client.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.admin;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The clinic's partner registry: registered by admins, read by staff, suspended or revoked with If-Match. */
@QuarkusTest
class PartnerResourceTest {

    private static final String PARTNERS = "/api/v1/partners";

    @Inject
    PartnerDirectory directory;

    private boolean activeInRegistry(UUID clinic, String partnerId) {
        return Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew()
                .call(() -> directory.isActive(clinic, partnerId)));
    }

    @Test
    void anAdminRegistersAPartnerThatIsActiveAtOnce() {
        String id = Fixtures.newPartnerId();
        as(admin()).body(Map.of("partnerId", id, "name", "  Acme Hair Clinic ")).post(PARTNERS)
                .then().statusCode(201)
                .header("Location", endsWith(PARTNERS + "/" + id)).header("ETag", "\"0\"")
                .body("partnerId", equalTo(id)).body("name", equalTo("Acme Hair Clinic"))
                .body("status", equalTo("ACTIVE")).body("registeredAt", notNullValue())
                .body("updatedAt", notNullValue()).body("version", equalTo(0));
        as(staff()).get(PARTNERS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("Acme Hair Clinic"));
        assertThat(activeInRegistry(Fixtures.CLINIC, id)).isTrue();
        // the partner's token is accepted from now on
        as(Fixtures.partner(id)).get("/api/v1/clients").then().statusCode(200);
    }

    @Test
    void aPartnerIdMustBeAPartnerId() {
        for (String bad : List.of("Acme", "acme hair", "a", "-acme", "x".repeat(101), "acme/hair", "")) {
            as(admin()).body(Map.of("partnerId", bad, "name", "Acme")).post(PARTNERS).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "validation-failed")).body("violations.field", hasItem("partnerId"));
        }
        as(admin()).body(Map.of("name", "Acme")).post(PARTNERS).then().statusCode(400)
                .body("violations.field", hasItem("partnerId"));
        as(admin()).body(Map.of("partnerId", Fixtures.newPartnerId(), "name", " ")).post(PARTNERS).then().statusCode(400)
                .body("violations.field", hasItem("name"));
    }

    @Test
    void aPartnerIsRegisteredOncePerClinicAndAnotherClinicsSameIdIsAnotherPartner() {
        String id = Fixtures.newPartnerId();
        as(admin()).body(Map.of("partnerId", id, "name", "Acme")).post(PARTNERS).then().statusCode(201);
        as(admin()).body(Map.of("partnerId", id, "name", "Acme again")).post(PARTNERS).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "partner-exists")).body("partnerId", equalTo(id));
        as(Fixtures.otherClinicAdmin()).body(Map.of("partnerId", id, "name", "Other Acme")).post(PARTNERS)
                .then().statusCode(201);
        as(staff()).get(PARTNERS + "/" + id).then().body("name", equalTo("Acme"));
        as(Fixtures.otherClinicStaff()).get(PARTNERS + "/" + id).then().body("name", equalTo("Other Acme"));

        // suspending one clinic's partner leaves the other clinic's alone
        as(admin()).header("If-Match", "\"0\"").body(Map.of("name", "Acme", "status", "SUSPENDED"))
                .put(PARTNERS + "/" + id).then().statusCode(200);
        assertThat(activeInRegistry(Fixtures.CLINIC, id)).isFalse();
        assertThat(activeInRegistry(Fixtures.OTHER_CLINIC, id)).isTrue();
    }

    @Test
    void simultaneousRegistrationsOfOneIdGiveOnePartnerAndConflicts() throws Exception {
        String id = Fixtures.newPartnerId();
        String token = admin();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return as(token).body(Map.of("partnerId", id, "name", "Racer")).post(PARTNERS).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) statuses.add(result.get(60, TimeUnit.SECONDS));
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registeringIsIdempotentWithAKey() {
        String id = Fixtures.newPartnerId();
        String key = "partner-" + UUID.randomUUID();
        String first = as(admin()).header("Idempotency-Key", key).body(Map.of("partnerId", id, "name", "Acme"))
                .post(PARTNERS).then().statusCode(201).extract().asString();
        as(admin()).header("Idempotency-Key", key).body(Map.of("partnerId", id, "name", "Acme"))
                .post(PARTNERS).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body(equalTo(first));
        as(admin()).header("Idempotency-Key", key).body(Map.of("partnerId", id, "name", "Other"))
                .post(PARTNERS).then().statusCode(422).body("type", equalTo(PROBLEM + "idempotency-key-reused"));
    }

    @Test
    void onlyAdminsRegisterAndChangeStaffRead() {
        String id = Fixtures.registerPartner(Fixtures.newPartnerId());
        String clientId = Fixtures.createClient();
        List<String> notAdmins = List.of(staff(), Fixtures.client(clientId), Fixtures.partner(id));
        for (String token : notAdmins) {
            as(token).body(Map.of("partnerId", Fixtures.newPartnerId(), "name", "X")).post(PARTNERS)
                    .then().statusCode(403).body("type", equalTo(PROBLEM + "forbidden"));
            as(token).header("If-Match", "\"0\"").body(Map.of("name", "X", "status", "REVOKED"))
                    .put(PARTNERS + "/" + id).then().statusCode(403);
        }
        as(staff()).get(PARTNERS).then().statusCode(200);
        as(Fixtures.client(clientId)).get(PARTNERS).then().statusCode(403);
        as(Fixtures.partner(id)).get(PARTNERS + "/" + id).then().statusCode(403);
        io.restassured.RestAssured.given().get(PARTNERS).then().statusCode(401);
        as(staff()).get(PARTNERS + "/" + id).then().body("status", equalTo("ACTIVE")).body("version", equalTo(0));
    }

    @Test
    void theListIsTheClinicsOwnInRegistrationOrder() {
        List<String> mine = List.of(Fixtures.newPartnerId(), Fixtures.newPartnerId(), Fixtures.newPartnerId());
        mine.forEach(Fixtures::registerPartner);
        String theirs = Fixtures.newPartnerId();
        Fixtures.registerPartner(Fixtures.otherClinicAdmin(), theirs);

        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> ids = as(staff()).queryParam("size", 100).queryParam("page", page).get(PARTNERS)
                    .then().statusCode(200).extract().path("items.partnerId");
            if (ids.isEmpty()) break;
            all.addAll(ids);
        }
        assertThat(all).doesNotContain(theirs);
        assertThat(all.subList(all.size() - 3, all.size())).containsExactlyElementsOf(mine);
        as(Fixtures.otherClinicStaff()).get(PARTNERS).then().statusCode(200).body("items.partnerId", not(hasItem(mine.get(0))));
        as(staff()).queryParam("size", 0).get(PARTNERS).then().statusCode(400);
    }

    @Test
    void changesNeedTheCurrentVersionAndAnotherClinicsPartnerIsNotFound() {
        String id = Fixtures.registerPartner(Fixtures.newPartnerId());
        String path = PARTNERS + "/" + id;
        Map<String, Object> suspend = Map.of("name", "Acme (paused)", "status", "SUSPENDED");
        as(admin()).body(suspend).put(path).then().statusCode(428).body("type", equalTo(PROBLEM + "precondition-required"));
        as(admin()).header("If-Match", "\"7\"").body(suspend).put(path).then().statusCode(412)
                .body("type", equalTo(PROBLEM + "stale-version"));
        as(admin()).header("If-Match", "\"0\"").body(Map.of("name", "Acme", "status", "PAUSED")).put(path)
                .then().statusCode(400);
        as(admin()).header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED")).put(path).then().statusCode(400)
                .body("violations.field", hasItem("name"));
        as(admin()).header("If-Match", "\"0\"").body(suspend).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("SUSPENDED")).body("name", equalTo("Acme (paused)"))
                .body("version", equalTo(1));
        as(admin()).header("If-Match", "\"0\"").body(suspend).put(path).then().statusCode(412);
        assertThat(activeInRegistry(Fixtures.CLINIC, id)).isFalse();

        as(Fixtures.otherClinicAdmin()).get(path).then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
        as(Fixtures.otherClinicAdmin()).header("If-Match", "\"1\"").body(Map.of("name", "Mine now", "status", "ACTIVE"))
                .put(path).then().statusCode(404);
        as(admin()).get(PARTNERS + "/" + Fixtures.newPartnerId()).then().statusCode(404);
        as(staff()).get(path).then().body("name", equalTo("Acme (paused)")).body("status", equalTo("SUSPENDED"));
    }
}
