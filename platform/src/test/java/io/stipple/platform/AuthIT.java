package io.stipple.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.platform.partner.PartnerDirectory;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Token verification and tenancy: forged tokens get 401, another clinic's records 404. */
@QuarkusTest
class AuthIT {

    private static final UUID CLINIC_A = UUID.fromString(PlatformTestInfra.CLINIC_A);
    private static final UUID CLINIC_B = UUID.fromString(PlatformTestInfra.CLINIC_B);

    @Inject
    PartnerDirectory partners;

    @Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void bearer_tokens_go_through_the_verified_token_cache() {
        // what authentication injects is the cache in front of smallrye-jwt's verifier (VerifiedTokenCacheTest)
        org.assertj.core.api.Assertions.assertThat(parser).isInstanceOf(io.stipple.platform.security.VerifiedTokenCache.class);
    }

    private String registeredPartner(UUID clinic, String status) {
        String id = "partner-" + UUID.randomUUID();
        Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().run(() ->
                partners.register(clinic, id, "Partner " + id, status, Instant.now())));
        return id;
    }

    private static void assertPartnerRefused(String token) {
        given().auth().oauth2(token).get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/partner-not-registered"));
    }

    @Test
    void a_partner_token_counts_only_for_an_active_partner_registered_by_its_own_clinic() {
        String ofA = registeredPartner(CLINIC_A, PartnerDirectory.ACTIVE);
        given().auth().oauth2(DevTokens.builder().subject("p").clinic(CLINIC_A).roles("partner").partnerId(ofA).sign())
                .get("/api/v1/widgets/" + UUID.randomUUID()).then().statusCode(404);
        // never registered
        assertPartnerRefused(DevTokens.builder().subject("p").clinic(CLINIC_A).roles("partner")
                .partnerId("partner-" + UUID.randomUUID()).sign());
        // the same partner id, but a token of another clinic, which never registered it
        assertPartnerRefused(DevTokens.builder().subject("p").clinic(CLINIC_B).roles("partner").partnerId(ofA).sign());
        // a suspended partner
        String suspended = registeredPartner(CLINIC_A, "SUSPENDED");
        assertPartnerRefused(DevTokens.builder().subject("p").clinic(CLINIC_A).roles("partner").partnerId(suspended).sign());
        // no clinic at all
        assertPartnerRefused(DevTokens.builder().subject("p").roles("partner").partnerId(ofA).sign());
    }

    private static DevTokens.Builder staffOfA() {
        return DevTokens.builder().subject("staff-1").clinic(CLINIC_A).roles("staff");
    }

    private static void assertUnauthorized(String token) {
        given().auth().oauth2(token).get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://stipple.io/problems/unauthorized"));
    }

    @Test
    void no_token_is_401() {
        given().get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_valid_token_is_accepted() {
        given().auth().oauth2(staffOfA().sign()).get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void forged_and_stale_tokens_are_401() {
        assertUnauthorized(staffOfA().issuer("https://evil.example").sign());
        assertUnauthorized(staffOfA().audience("another-api").sign());
        assertUnauthorized(staffOfA().issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
        assertUnauthorized(DevTokens.unsigned(staffOfA()));
        assertUnauthorized(DevTokens.hs256SignedWithPublicKey(staffOfA()));
        assertUnauthorized(DevTokens.signedWithOtherKey(staffOfA()));
        assertUnauthorized("not-a-jwt");
    }

    @Test
    void a_role_without_the_right_is_403() {
        given().auth().oauth2(DevTokens.token("client-1", CLINIC_A, "client"))
                .get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_token_of_clinic_a_gets_404_for_clinic_b_records() {
        String idOfB = given().auth().oauth2(DevTokens.token("staff-b", CLINIC_B, "staff"))
                .contentType(ContentType.JSON).body(Map.of("name", "b-only", "quantity", 1))
                .post("/api/v1/widgets").then().statusCode(201).extract().path("id");

        given().auth().oauth2(DevTokens.token("staff-b", CLINIC_B, "staff")).get("/api/v1/widgets/" + idOfB)
                .then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(DevTokens.token("admin-a", CLINIC_A, "admin")).get("/api/v1/widgets/" + idOfB)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://stipple.io/problems/not-found"));
    }

    @Test
    void partners_over_their_rate_limit_get_429_with_retry_after_before_any_work() {
        String partner = DevTokens.builder().subject("partner-x").clinic(CLINIC_A).roles("partner")
                .partnerId(registeredPartner(CLINIC_A, PartnerDirectory.ACTIVE)).sign();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(partner).get("/api/v1/widgets/" + UUID.randomUUID())
                    .then().statusCode(404).header("RateLimit-Limit", "5").header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("name", "over-limit", "quantity", 1))
                .post("/api/v1/widgets")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://stipple.io/problems/rate-limited"));
        // staff are not limited
        given().auth().oauth2(staffOfA().sign()).get("/api/v1/widgets/" + UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * A partner token may name its partner by its subject alone (no {@code partner_id} claim): the guard takes it as
     * that partner, so the limit counts it as that partner too — the one definition of a token's partner.
     */
    @Test
    void a_partner_named_only_by_its_subject_is_limited_as_that_partner() {
        String partnerId = registeredPartner(CLINIC_A, PartnerDirectory.ACTIVE);
        String bySubject = DevTokens.builder().subject(partnerId).clinic(CLINIC_A).roles("partner").sign();
        String byClaim = DevTokens.builder().subject("someone").clinic(CLINIC_A).roles("partner").partnerId(partnerId).sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(bySubject).get("/api/v1/widgets/" + UUID.randomUUID())
                    .then().statusCode(404).header("RateLimit-Limit", "5").header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        for (int i = 3; i < 5; i++) {
            given().auth().oauth2(byClaim).get("/api/v1/widgets/" + UUID.randomUUID())
                    .then().statusCode(404).header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        given().auth().oauth2(bySubject).get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    /**
     * The budget is the service's, not the JVM's: what another replica counted (the shared row, here written as that
     * replica's upsert would) is counted here too; the same partner id in another clinic has a budget of its own.
     */
    @Test
    void the_partner_rate_limit_is_shared_by_every_replica_and_kept_per_clinic() {
        String partnerId = registeredPartner(CLINIC_A, PartnerDirectory.ACTIVE);
        String partner = DevTokens.builder().subject("partner-y").clinic(CLINIC_A).roles("partner").partnerId(partnerId).sign();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(partner).get("/api/v1/widgets/" + UUID.randomUUID())
                    .then().statusCode(404).header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        // another replica of this service serves the partner's next 3 requests
        Tenancy.asClinic(CLINIC_A, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update partner_rate_window set used = used + 3 where clinic_id = :clinic and partner_id = :partner")
                .setParameter("clinic", CLINIC_A).setParameter("partner", partnerId).executeUpdate()));
        given().auth().oauth2(partner).get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(429).header("Retry-After", notNullValue());

        // clinic B registered a partner with the same id: its own budget
        Tenancy.asClinic(CLINIC_B, () -> QuarkusTransaction.requiringNew().run(() ->
                partners.register(CLINIC_B, partnerId, "B's partner", PartnerDirectory.ACTIVE, Instant.now())));
        given().auth().oauth2(DevTokens.builder().subject("partner-y").clinic(CLINIC_B).roles("partner").partnerId(partnerId).sign())
                .get("/api/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(404).header("RateLimit-Remaining", "4");
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void cors_allows_the_configured_front_end_origin_only() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/widgets")
                .then().header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/widgets")
                .then().header("Access-Control-Allow-Origin", (String) null);
    }
}
