package io.stipple.client;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.stipple.testinfra.DevTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Tokens and requests shared by the REST tests. Every test makes its own clients, so tests don't interfere. */
public final class Fixtures {

    public static final UUID CLINIC = UUID.fromString("0b6b4d8e-2f41-4c9e-8a3b-5d7e9f1a2c34");
    public static final UUID OTHER_CLINIC = UUID.fromString("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    public static final String PROBLEM = "https://stipple.io/problems/";

    public static String staff() {
        return DevTokens.token("staff-ana", CLINIC, "staff");
    }

    public static String admin() {
        return DevTokens.token("admin-omar", CLINIC, "admin");
    }

    public static String otherClinicStaff() {
        return DevTokens.token("staff-elsewhere", OTHER_CLINIC, "staff");
    }

    public static String otherClinicAdmin() {
        return DevTokens.token("admin-elsewhere", OTHER_CLINIC, "admin");
    }

    /** The client's own token (portal), issued by the client's clinic. */
    public static String client(String clientId) {
        return DevTokens.builder().subject("portal-user-" + clientId).roles("client").clinic(CLINIC)
                .clientId(UUID.fromString(clientId)).sign();
    }

    /** A partner's token of the clinic; accepted only while the clinic has it registered and ACTIVE. */
    public static String partner(String partnerId) {
        return partner(CLINIC, partnerId);
    }

    public static String partner(UUID clinic, String partnerId) {
        return DevTokens.builder().subject("partner-app-" + partnerId).roles("partner").clinic(clinic)
                .partnerId(partnerId).sign();
    }

    /** A fresh partner id (a valid one: lower-case, digits, '-'). */
    public static String newPartnerId() {
        return "partner-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** Registers the partner for the clinic of {@code adminToken} (201), or finds it registered already (409). */
    public static void registerPartner(String adminToken, String partnerId) {
        as(adminToken).body(Map.of("partnerId", partnerId, "name", "Partner " + partnerId))
                .post("/api/v1/partners").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }

    /** Registers the partner in this test clinic. */
    public static String registerPartner(String partnerId) {
        registerPartner(admin(), partnerId);
        return partnerId;
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A valid registration with a unique email and phone. */
    public static Map<String, Object> newClient() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Daniel");
        body.put("lastName", "Okafor-" + unique);
        body.put("email", "daniel." + unique + "@example.com");
        body.put("phone", uniquePhone());
        body.put("dateOfBirth", "1986-04-12");
        body.put("sex", "MALE");
        body.put("genderIdentity", null);
        body.put("timeZone", "Europe/London");
        body.put("locale", "en-GB");
        body.put("preferredChannels", List.of("EMAIL", "SMS"));
        body.put("marketingOptIn", false);
        return body;
    }

    /** A valid UK mobile number in E.164. */
    public static String uniquePhone() {
        return "+447912" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    public static String createClient() {
        return createClient(newClient());
    }

    public static String createClient(Map<String, Object> body) {
        return as(staff()).body(body).post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> assessment() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scale", "NORWOOD");
        body.put("stage", "5A");
        body.put("condition", "ANDROGENETIC");
        body.put("coveragePercent", 60);
        body.put("fitzpatrickType", 3);
        body.put("hairColour", "dark brown");
        body.put("desiredLook", "SHAVED_FOLLICLE_REPLICATION");
        body.put("notes", "Recession at temples, crown open");
        return body;
    }

    public static String recordAssessment(String clientId) {
        return as(staff()).body(assessment()).post("/api/v1/clients/" + clientId + "/assessments")
                .then().statusCode(201).extract().path("id");
    }

    /** A screening with nothing found, with the given findings set to true. */
    public static Map<String, Object> screening(String... findings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allergies", new ArrayList<>(List.of("latex")));
        for (String q : List.of("pigmentAllergy", "keloidTendency", "bloodThinners", "psoriasis", "eczema",
                "activeScalpInfection", "pregnant", "guardianConsent")) {
            body.put(q, false);
        }
        for (String finding : findings) {
            body.put(finding, true);
        }
        body.put("notes", "No medication");
        return body;
    }

    public static String recordScreening(String clientId, String... findings) {
        return as(staff()).body(screening(findings)).post("/api/v1/clients/" + clientId + "/screenings")
                .then().statusCode(201).extract().path("id");
    }

    public static void grant(String clientId, String scope) {
        as(staff()).body(Map.of("scope", scope, "textVersion", scope.toLowerCase() + "-2026-01"))
                .post("/api/v1/clients/" + clientId + "/consents").then().statusCode(201);
    }

    /** The client shares with the partner (registered in the clinic first, if it is not yet). */
    public static void share(String clientId, String partnerId) {
        registerPartner(partnerId);
        as(staff()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId, "textVersion", "share-2026-01"))
                .post("/api/v1/clients/" + clientId + "/consents").then().statusCode(201);
    }

    public static String proposePlan(String clientId) {
        return as(staff()).body(Map.of("treatmentType", "PERMANENT_SMP", "plannedSessions", 3,
                        "hairlineDesignNotes", "Soft adult hairline"))
                .post("/api/v1/clients/" + clientId + "/plans").then().statusCode(201).extract().path("id");
    }

    /** A client with an assessment, an eligible screening and treatment consent: ready to agree a plan. */
    public static String readyClient() {
        String id = createClient();
        recordAssessment(id);
        recordScreening(id);
        grant(id, "TREATMENT");
        return id;
    }

    private Fixtures() {
    }
}
