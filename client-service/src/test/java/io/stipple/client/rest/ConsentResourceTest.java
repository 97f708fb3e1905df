package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.client.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
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
        as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", "p-9", "textVersion", "s1"))
                .post(consents(clientId)).then().statusCode(201).body("partnerId", equalTo("p-9"));
        as(staff()).get(consents(clientId)).then()
                .body("current.find { it.scope == 'PARTNER_SHARING' }.partnerId", equalTo("p-9"))
                .body("current.find { it.scope == 'PARTNER_SHARING' }.granted", equalTo(true));
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
}
