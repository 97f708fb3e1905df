package io.stipple.client.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stipple.client.Fixtures;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.client.Fixtures.PROBLEM;
import static io.stipple.client.Fixtures.as;
import static io.stipple.client.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Tenancy and ownership: another clinic, another client, a partner without consent, a partner of another clinic
 * with the same partner id all get 404; a partner the clinic has not registered (or suspended) is refused 403.
 */
@QuarkusTest
class AccessControlTest {

    record Call(String method, String path, Object body, boolean adminOnly) {
    }

    /** Every endpoint of the service for one client, with bodies that would succeed for its own clinic. */
    private static List<Call> everyEndpoint(String clientId, String assessmentId, String screeningId, String planId) {
        String c = "/api/v1/clients/" + clientId;
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", c, null, false));
        calls.add(new Call("PUT", c, Fixtures.newClient(), false));
        calls.add(new Call("DELETE", c, null, true));
        calls.add(new Call("POST", c + "/assessments", Fixtures.assessment(), false));
        calls.add(new Call("GET", c + "/assessments", null, false));
        calls.add(new Call("GET", c + "/assessments/" + assessmentId, null, false));
        calls.add(new Call("POST", c + "/screenings", Fixtures.screening(), false));
        calls.add(new Call("GET", c + "/screenings", null, false));
        calls.add(new Call("GET", c + "/screenings/" + screeningId, null, false));
        calls.add(new Call("POST", c + "/screenings/" + screeningId + "/review", Map.of(), false));
        calls.add(new Call("GET", c + "/consents", null, false));
        calls.add(new Call("GET", c + "/consents/history", null, false));
        calls.add(new Call("POST", c + "/consents", Map.of("scope", "MARKETING", "textVersion", "m1"), false));
        calls.add(new Call("POST", c + "/consents/withdrawals", Map.of("scope", "TREATMENT"), false));
        calls.add(new Call("POST", c + "/plans", Map.of("treatmentType", "PERMANENT_SMP"), false));
        calls.add(new Call("GET", c + "/plans", null, false));
        calls.add(new Call("GET", c + "/plans/" + planId, null, false));
        calls.add(new Call("PUT", c + "/plans/" + planId, Map.of("treatmentType", "PERMANENT_SMP"), false));
        calls.add(new Call("POST", c + "/plans/" + planId + "/hairline-sign-off", null, false));
        calls.add(new Call("POST", c + "/plans/" + planId + "/agreement", null, false));
        calls.add(new Call("POST", c + "/plans/" + planId + "/start", null, false));
        calls.add(new Call("POST", c + "/plans/" + planId + "/completion", null, false));
        calls.add(new Call("POST", c + "/plans/" + planId + "/cancellation", Map.of("reason", "x"), false));
        calls.add(new Call("GET", c + "/export", null, false));
        calls.add(new Call("GET", c + "/audit", null, true));
        return calls;
    }

    private static Response send(String token, Call call) {
        var request = as(token).header("If-Match", "\"0\"");
        if (call.body() != null) {
            request = request.body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    private String[] fullClient() {
        String clientId = Fixtures.readyClient();
        String assessmentId = Fixtures.recordAssessment(clientId);
        String screeningId = Fixtures.recordScreening(clientId, "keloidTendency");
        String planId = Fixtures.proposePlan(clientId);
        return new String[] {clientId, assessmentId, screeningId, planId};
    }

    @Test
    void anotherClinicsStaffAndAdminsGet404OnEveryEndpoint() {
        String[] ids = fullClient();
        for (Call call : everyEndpoint(ids[0], ids[1], ids[2], ids[3])) {
            for (String token : call.adminOnly() ? List.of(Fixtures.otherClinicAdmin())
                    : List.of(Fixtures.otherClinicStaff(), Fixtures.otherClinicAdmin())) {
                Response response = send(token, call);
                assertThat(response.statusCode()).as(call.method() + " " + call.path()).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getString("type")).isEqualTo(PROBLEM + "not-found");
            }
        }
        // and nothing changed
        as(staff()).get("/api/v1/clients/" + ids[0]).then().statusCode(200).body("version", equalTo(0));
        as(staff()).get("/api/v1/clients/" + ids[0] + "/plans/" + ids[3]).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void anUnknownClientIs404LikeAnotherClinicsOne() {
        String unknown = UUID.randomUUID().toString();
        for (Call call : everyEndpoint(unknown, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString())) {
            Response response = send(Fixtures.admin(), call);
            assertThat(response.statusCode()).as(call.method() + " " + call.path()).isEqualTo(404);
        }
    }

    @Test
    void aClientTokenReachesOnlyItsOwnRecord() {
        String[] mine = fullClient();
        String[] theirs = fullClient();
        String token = Fixtures.client(mine[0]);
        String c = "/api/v1/clients/" + mine[0];
        as(token).get(c).then().statusCode(200).body("id", equalTo(mine[0]));
        as(token).get(c + "/assessments").then().statusCode(200);
        as(token).get(c + "/screenings/" + mine[2]).then().statusCode(200);
        as(token).get(c + "/consents").then().statusCode(200);
        as(token).get(c + "/plans/" + mine[3]).then().statusCode(200);
        as(token).get(c + "/export").then().statusCode(200).body("client.id", equalTo(mine[0]));
        as(token).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(mine[0])));

        for (Call call : everyEndpoint(theirs[0], theirs[1], theirs[2], theirs[3])) {
            int status = send(token, call).statusCode();
            // reads and own-consent actions: 404 (no hint the record exists); staff-only actions: 403 by role
            assertThat(status).as(call.method() + " " + call.path()).isIn(403, 404);
            if (!call.adminOnly() && call.method().equals("GET") || call.path().contains("/consents") || call.path().endsWith("/export")) {
                assertThat(status).as(call.method() + " " + call.path()).isEqualTo(404);
            }
        }
        // staff-only actions on its own record are refused by role
        as(token).header("If-Match", "\"0\"").body(Fixtures.newClient()).put(c).then().statusCode(403);
        as(token).get(c + "/audit").then().statusCode(403);
    }

    @Test
    void aClientTokenCountsOnlyInItsOwnClinic() {
        String[] mine = fullClient();
        String c = "/api/v1/clients/" + mine[0];
        String ofAnotherClinic = DevTokens.builder().subject("portal-user-" + mine[0]).roles("client")
                .clinic(Fixtures.OTHER_CLINIC).clientId(UUID.fromString(mine[0])).sign();
        String ofNoClinic = DevTokens.builder().subject("portal-user-" + mine[0]).roles("client")
                .clientId(UUID.fromString(mine[0])).sign();
        for (String token : List.of(ofAnotherClinic, ofNoClinic)) {
            as(token).get(c).then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
            as(token).get(c + "/assessments").then().statusCode(404);
            as(token).get(c + "/export").then().statusCode(404);
            as(token).body(Map.of("scope", "MARKETING", "textVersion", "m1")).post(c + "/consents").then().statusCode(404);
            as(token).get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
        }
        as(Fixtures.client(mine[0])).get(c).then().statusCode(200);
    }

    /**
     * Issue 11, finding 1: a partner of clinic B whose partner_id is the same text as the partner a clinic-A client
     * shares with read that client's record, screenings and assessments. A partner id means something only inside
     * its clinic.
     */
    @Test
    void aPartnerOfAnotherClinicWithTheSamePartnerIdSeesNothingOfThisClinic() {
        String[] shared = fullClient();
        String partnerId = Fixtures.newPartnerId();
        Fixtures.share(shared[0], partnerId);
        // clinic B registers a partner with the very same id, and one of B's clients shares with it
        Fixtures.registerPartner(Fixtures.otherClinicAdmin(), partnerId);
        String ofClinicB = as(Fixtures.otherClinicStaff()).body(Fixtures.newClient()).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        as(Fixtures.otherClinicStaff())
                .body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId, "textVersion", "share-b"))
                .post("/api/v1/clients/" + ofClinicB + "/consents").then().statusCode(201);

        String genuine = Fixtures.partner(partnerId);
        String impostor = Fixtures.partner(Fixtures.OTHER_CLINIC, partnerId);
        String c = "/api/v1/clients/" + shared[0];
        List<String> reads = List.of(c, c + "/screenings", c + "/screenings/" + shared[2], c + "/assessments",
                c + "/assessments/" + shared[1], c + "/consents", c + "/consents/history", c + "/plans",
                c + "/plans/" + shared[3]);
        for (String path : reads) {
            as(impostor).get(path).then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"))
                    .body("detail", not(containsString(shared[0])));
            as(genuine).get(path).then().statusCode(200);
        }
        // each sees its own clinic's client that shares with it, and only that one
        as(impostor).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(ofClinicB)));
        as(genuine).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(shared[0])));

        as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId))
                .post(c + "/consents/withdrawals").then().statusCode(201);
        for (String path : reads) {
            as(genuine).get(path).then().statusCode(404);
            as(impostor).get(path).then().statusCode(404);
        }
        as(genuine).get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
        as(impostor).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(ofClinicB)));
    }

    @Test
    void aSuspendedPartnerSeesNothingAndAReactivatedOneSeesWhatIsStillShared() {
        String[] shared = fullClient();
        String partnerId = Fixtures.newPartnerId();
        Fixtures.share(shared[0], partnerId);
        String token = Fixtures.partner(partnerId);
        String c = "/api/v1/clients/" + shared[0];
        as(token).get(c).then().statusCode(200);

        as(Fixtures.admin()).header("If-Match", "\"0\"").body(Map.of("name", "Paused", "status", "SUSPENDED"))
                .put("/api/v1/partners/" + partnerId).then().statusCode(200);
        as(token).get(c).then().statusCode(403).body("type", equalTo(PROBLEM + "partner-not-registered"));
        as(token).get("/api/v1/clients").then().statusCode(403);

        as(Fixtures.admin()).header("If-Match", "\"1\"").body(Map.of("name", "Back", "status", "ACTIVE"))
                .put("/api/v1/partners/" + partnerId).then().statusCode(200);
        as(token).get(c).then().statusCode(200);
    }

    @Test
    void anUnregisteredPartnersTokenIsRefused() {
        as(Fixtures.partner(Fixtures.newPartnerId())).get("/api/v1/clients").then().statusCode(403)
                .body("type", equalTo(PROBLEM + "partner-not-registered"));
    }

    @Test
    void aPartnerSeesOnlyClientsSharedWithItReadOnlyUntilWithdrawn() {
        String[] shared = fullClient();
        String[] notShared = fullClient();
        String partnerId = Fixtures.newPartnerId();
        Fixtures.share(shared[0], partnerId);
        Fixtures.share(notShared[0], "someone-else");
        String token = Fixtures.partner(partnerId);

        String c = "/api/v1/clients/" + shared[0];
        as(token).get(c).then().statusCode(200);
        as(token).get(c + "/assessments").then().statusCode(200).body("items", hasSize(2));
        as(token).get(c + "/screenings").then().statusCode(200);
        as(token).get(c + "/consents").then().statusCode(200);
        as(token).get(c + "/plans").then().statusCode(200).body("items", hasSize(1));
        as(token).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(shared[0])));
        // read-only
        as(token).body(Fixtures.assessment()).post(c + "/assessments").then().statusCode(403);
        as(token).get(c + "/export").then().statusCode(403);

        as(token).get("/api/v1/clients/" + notShared[0]).then().statusCode(404);
        as(token).get("/api/v1/clients/" + notShared[0] + "/assessments").then().statusCode(404);

        as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId))
                .post(c + "/consents/withdrawals").then().statusCode(201);
        as(token).get(c).then().statusCode(404).body("type", equalTo(PROBLEM + "not-found"));
        as(token).get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/api/v1/clients").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unauthorized"));
        given().get("/api/v1/clients/" + UUID.randomUUID()).then().statusCode(401);
    }
}
