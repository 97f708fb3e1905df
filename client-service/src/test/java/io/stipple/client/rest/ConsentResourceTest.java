package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ConsentResourceTest {

    private static String consents(String clientId) {
        return "/api/v1/clients/" + clientId + "/consents";
    }

    @Test
    void grantsAndWithdrawsWithHistoryAndCurrentState() {
        String clientId = Fixtures.createClient();
        as(staff()).get(consents(clientId)).then().statusCode(200)
                .body("current.find { it.scope == 'TREATMENT' }.granted", equalTo(false))
                .body("current.find { it.scope == 'TREATMENT' }.since", nullValue());

        as(staff()).body(Map.of("scope", "PUBLIC_GALLERY", "textVersion", "gallery-2026-01"))
                .post(consents(clientId)).then().statusCode(201)
                .body("action", equalTo("GRANTED")).body("textVersion", equalTo("gallery-2026-01"))
                .body("recordedBy", equalTo("staff-ana")).body("partnerId", nullValue());
        as(staff()).get(consents(clientId)).then()
                .body("current.find { it.scope == 'PUBLIC_GALLERY' }.granted", equalTo(true))
                .body("current.find { it.scope == 'PUBLIC_GALLERY' }.textVersion", equalTo("gallery-2026-01"));

        as(staff()).body(Map.of("scope", "PUBLIC_GALLERY")).post(consents(clientId) + "/withdrawals")
                .then().statusCode(201).body("action", equalTo("WITHDRAWN")).body("textVersion", equalTo("gallery-2026-01"));
        as(staff()).get(consents(clientId)).then()
                .body("current.find { it.scope == 'PUBLIC_GALLERY' }.granted", equalTo(false));
        as(staff()).get(consents(clientId) + "/history").then().statusCode(200)
                .body("items", hasSize(2)).body("items.action", equalTo(java.util.List.of("GRANTED", "WITHDRAWN")));
    }

    @Test
    void aGrantAndAWithdrawalAnswer201WithTheLocationOfTheirRecord() {
        String clientId = Fixtures.createClient();
        var granted = as(staff()).body(Map.of("scope", "MARKETING", "textVersion", "m-7")).post(consents(clientId))
                .then().statusCode(201).extract();
        String location = granted.header("Location");
        assertThat(location).endsWith("/api/v1/clients/" + clientId + "/consents/history/" + granted.path("id"));
        as(staff()).get(location).then().statusCode(200).body("id", equalTo(granted.path("id")))
                .body("scope", equalTo("MARKETING")).body("action", equalTo("GRANTED"));
        as(Fixtures.client(clientId)).get(location).then().statusCode(200);

        var withdrawn = as(staff()).body(Map.of("scope", "MARKETING")).post(consents(clientId) + "/withdrawals")
                .then().statusCode(201).extract();
        as(staff()).get(withdrawn.header("Location")).then().statusCode(200).body("action", equalTo("WITHDRAWN"));

        // the record under another client, another clinic, or an unknown id: 404 like any record not visible
        String other = Fixtures.createClient();
        as(staff()).get(consents(other) + "/history/" + granted.path("id")).then().statusCode(404);
        as(Fixtures.otherClinicStaff()).get(location).then().statusCode(404);
        as(staff()).get(consents(clientId) + "/history/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(Fixtures.client(other)).get(location).then().statusCode(404);
    }

    @Test
    void withdrawingWhatIsNotGrantedIsRefused() {
        String clientId = Fixtures.createClient();
        as(staff()).body(Map.of("scope", "MARKETING")).post(consents(clientId) + "/withdrawals")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "consent-not-granted"));
    }

    @Test
    void partnerSharingNamesThePartnerAndOtherScopesDoNot() {
        String clientId = Fixtures.createClient();
        as(staff()).body(Map.of("scope", "PARTNER_SHARING", "textVersion", "s1")).post(consents(clientId))
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"))
                .body("violations.field", hasItem("partnerId"));
        as(staff()).body(Map.of("scope", "TREATMENT", "partnerId", "p-9", "textVersion", "t1")).post(consents(clientId))
                .then().statusCode(400).body("violations.field", hasItem("partnerId"));
        Fixtures.registerPartner("p-9");
        as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", "p-9", "textVersion", "s1"))
                .post(consents(clientId)).then().statusCode(201).body("partnerId", equalTo("p-9"));
        as(staff()).get(consents(clientId)).then()
                .body("current.find { it.scope == 'PARTNER_SHARING' }.partnerId", equalTo("p-9"))
                .body("current.find { it.scope == 'PARTNER_SHARING' }.granted", equalTo(true));
    }

    /** Issue 11: partner-sharing consent names a registered, active partner of the client's clinic, not free text. */
    @Test
    void partnerSharingNamesAnActivePartnerRegisteredByTheClinic() {
        String clientId = Fixtures.createClient();
        String unregistered = Fixtures.newPartnerId();
        String ofOtherClinic = Fixtures.newPartnerId();
        Fixtures.registerPartner(Fixtures.otherClinicAdmin(), ofOtherClinic);
        String suspended = Fixtures.registerPartner(Fixtures.newPartnerId());
        as(Fixtures.admin()).header("If-Match", "\"0\"").body(Map.of("name", "Paused", "status", "SUSPENDED"))
                .put("/api/v1/partners/" + suspended).then().statusCode(200);
        for (String partnerId : java.util.List.of(unregistered, ofOtherClinic, suspended, "Free Text Partner")) {
            as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId, "textVersion", "s1"))
                    .post(consents(clientId)).then().statusCode(422)
                    .body("type", equalTo(PROBLEM + "unknown-partner")).body("partnerId", equalTo(partnerId));
            as(Fixtures.client(clientId))
                    .body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId, "textVersion", "s1"))
                    .post(consents(clientId)).then().statusCode(422).body("type", equalTo(PROBLEM + "unknown-partner"));
        }
        as(staff()).get(consents(clientId) + "/history").then().body("items", hasSize(0));

        // a grant made while the partner was active can always be withdrawn, whatever its status since
        String active = Fixtures.registerPartner(Fixtures.newPartnerId());
        Fixtures.share(clientId, active);
        as(Fixtures.admin()).header("If-Match", "\"0\"").body(Map.of("name", "Gone", "status", "REVOKED"))
                .put("/api/v1/partners/" + active).then().statusCode(200);
        as(Fixtures.client(clientId)).body(Map.of("scope", "PARTNER_SHARING", "partnerId", active))
                .post(consents(clientId) + "/withdrawals").then().statusCode(201);
    }

    @Test
    void theClientGrantsAndWithdrawsTheirOwnConsents() {
        String clientId = Fixtures.createClient();
        String token = Fixtures.client(clientId);
        as(token).body(Map.of("scope", "MARKETING", "textVersion", "m1")).post(consents(clientId))
                .then().statusCode(201).body("recordedBy", equalTo("portal-user-" + clientId));
        as(token).body(Map.of("scope", "MARKETING")).post(consents(clientId) + "/withdrawals").then().statusCode(201);
        as(token).get(consents(clientId) + "/history").then().statusCode(200).body("items", hasSize(2));

        String other = Fixtures.createClient();
        as(token).body(Map.of("scope", "MARKETING", "textVersion", "m1")).post(consents(other))
                .then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
    }

    @Test
    void partnersMayNotChangeConsents() {
        String clientId = Fixtures.createClient();
        Fixtures.share(clientId, "p-42");
        as(Fixtures.partner("p-42")).body(Map.of("scope", "MARKETING", "textVersion", "m1")).post(consents(clientId))
                .then().statusCode(403).body("type", equalTo(PROBLEM + "forbidden"));
    }

    /** The check "is it granted?" and the withdrawal are one step: parallel withdrawals withdraw once. */
    @Test
    void simultaneousWithdrawalsOfOneConsentWithdrawItOnce() throws Exception {
        String clientId = Fixtures.createClient();
        String partnerId = Fixtures.newPartnerId();
        Fixtures.share(clientId, partnerId);
        String token = staff();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return as(token).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId))
                            .post(consents(clientId) + "/withdrawals").statusCode();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) statuses.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            org.assertj.core.api.Assertions.assertThat(statuses).containsExactlyInAnyOrder(201, 422, 422, 422);
        } finally {
            pool.shutdownNow();
        }
        as(staff()).get(consents(clientId) + "/history").then()
                .body("items.action", equalTo(java.util.List.of("GRANTED", "WITHDRAWN")));
    }
}
