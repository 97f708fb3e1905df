package io.stipple.booking;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.stipple.testinfra.DevTokens;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh clinic (its own tenant, so tests never see each other's data) set up over the API: open every day
 * 09:00–18:00, two rooms, two technicians, and a consultation, an SMP session (2 h; Norwood 4–5 2.5 h;
 * Norwood 6–7 or alopecia totalis 3.5 h; 30 min clean-up) and a top-up.
 */
public final class TestClinic {

    public static final String PROBLEM = "https://stipple.io/problems/";

    public final UUID id = UUID.randomUUID();
    public final String zone;
    public UUID consultation;
    public UUID smp;
    public UUID topUp;
    public final List<UUID> technicians = new ArrayList<>();
    public final List<UUID> rooms = new ArrayList<>();

    private TestClinic(String zone) {
        this.zone = zone;
    }

    public static TestClinic create() {
        return create("Europe/London", "09:00", "18:00");
    }

    public static TestClinic create(String zone, String opens, String closes) {
        TestClinic c = new TestClinic(zone);
        c.as(c.admin()).body(clinicBody(zone, week(opens, closes))).put("/api/v1/clinics/" + c.id).then().statusCode(201);
        c.consultation = c.treatment("CONSULTATION", null, "Consultation", 30, 0, List.of());
        c.smp = c.treatment("SMP_SESSION", "PERMANENT_SMP", "SMP session", 120, 30, List.of(
                Map.of("stages", List.of("4", "4A", "5", "5A", "5V"), "durationMinutes", 150),
                Map.of("stages", List.of("6", "7"), "durationMinutes", 210),
                Map.of("conditions", List.of("ALOPECIA_TOTALIS"), "durationMinutes", 210)));
        c.topUp = c.treatment("TOP_UP", "PERMANENT_SMP", "SMP top-up", 60, 15, List.of());
        for (String room : List.of("Room 1", "Room 2")) {
            c.rooms.add(UUID.fromString(c.as(c.admin()).body(Map.of("name", room))
                    .post("/api/v1/clinics/" + c.id + "/rooms").then().statusCode(201).extract().path("id")));
        }
        for (String name : List.of("Sam Okafor", "Alex Morgan")) {
            c.technicians.add(c.technician(name, week(opens, closes)));
        }
        return c;
    }

    public UUID treatment(String kind, String type, String name, int minutes, int buffer, List<Map<String, Object>> rules) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("treatmentType", type);
        body.put("name", name);
        body.put("baseDurationMinutes", minutes);
        body.put("bufferMinutes", buffer);
        body.put("price", Map.of("amountMinor", 45000, "currency", "GBP"));
        body.put("durationRules", rules);
        return UUID.fromString(as(admin()).body(body).post("/api/v1/treatments").then().statusCode(201).extract().path("id"));
    }

    public UUID technician(String name, List<Map<String, Object>> hours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("treatmentIds", List.of(consultation.toString(), smp.toString(), topUp.toString()));
        body.put("workingHours", hours);
        return UUID.fromString(as(admin()).body(body).post("/api/v1/clinics/" + id + "/technicians")
                .then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> clinicBody(String zone, List<Map<String, Object>> week) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Stipple Test " + zone);
        body.put("address", Map.of("line1", "12 Harley Street", "city", "London", "postcode", "W1G 9PF", "country", "GB"));
        body.put("timeZone", zone);
        body.put("currency", "GBP");
        body.put("openingHours", week);
        body.put("cancellationNoticeHours", 48);
        return body;
    }

    public static List<Map<String, Object>> week(String opens, String closes) {
        List<Map<String, Object>> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(Map.of("weekday", day.name(), "opens", opens, "closes", closes));
        }
        return week;
    }

    public String admin() {
        return DevTokens.token("admin-" + id.toString().substring(0, 6), id, "admin");
    }

    public String staff() {
        return DevTokens.token("staff-" + id.toString().substring(0, 6), id, "staff");
    }

    public String client(UUID clientId) {
        return DevTokens.builder().subject("portal-" + clientId).clinic(id).roles("client").clientId(clientId).sign();
    }

    public String partner(String partnerId) {
        return DevTokens.builder().subject("partner-" + partnerId).clinic(id).roles("partner").partnerId(partnerId).sign();
    }

    public RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A booking request body. */
    public Map<String, Object> booking(UUID clientId, UUID treatment, UUID technician, String startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId.toString());
        body.put("treatmentId", treatment.toString());
        body.put("technicianId", technician.toString());
        body.put("startsAt", startsAt);
        return body;
    }

    public String book(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/bookings").then().statusCode(201).extract().path("id");
    }
}
