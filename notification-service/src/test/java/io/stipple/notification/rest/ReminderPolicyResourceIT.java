package io.stipple.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.ReminderType;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Reminder policies are data: inherited by default, edited by admins with optimistic concurrency, used by scheduling. */
@QuarkusTest
class ReminderPolicyResourceIT {

    @Inject
    MutableClock clock;

    private final UUID clinicId = UUID.randomUUID();

    @SuppressWarnings("unchecked")
    private Map<String, Object> currentRules() {
        return given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/reminder-policies")
                .then().statusCode(200).extract().path("rules");
    }

    @Test
    void a_clinic_inherits_the_default_until_an_admin_changes_it_and_scheduling_follows_the_change() {
        given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/reminder-policies")
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("inherited", equalTo(true)).body("version", equalTo(0))
                .body("rules.appointmentReminders.offsets", equalTo(List.of("P2D", "PT2H")))
                .body("rules.topUp.intervals.months", hasItem(36))
                .body("rules.quietHours.start", equalTo("21:00"));

        Map<String, Object> rules = currentRules();
        @SuppressWarnings("unchecked")
        Map<String, Object> topUp = (Map<String, Object>) rules.get("topUp");
        topUp.put("intervals", List.of(
                Map.of("treatmentType", "PERMANENT_SMP", "sex", "MALE", "months", 42),
                Map.of("treatmentType", "TRICOPIGMENTATION", "months", 10)));

        given().auth().oauth2(Tokens.staff(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(428)
                .body("type", equalTo("https://stipple.io/problems/precondition-required"));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(200).header("ETag", "\"1\"")
                .body("inherited", equalTo(false)).body("rules.topUp.intervals[0].months", equalTo(42));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(412)
                .body("type", equalTo("https://stipple.io/problems/stale-version"));
        // another clinic still inherits the default
        given().auth().oauth2(Tokens.staff(UUID.randomUUID())).get("/api/v1/reminder-policies")
                .then().statusCode(200).body("inherited", equalTo(true));

        clock.set(Instant.parse("2026-12-01T14:00:00Z"));
        UUID client = Events.knownClient(clinicId, UUID.randomUUID());
        Events.publish("booking-service", "SessionCompleted", clinicId, client, data(
                "bookingId", UUID.randomUUID(), "finalSession", true, "sessionNumber", 3, "clientSex", "MALE",
                "treatmentType", "PERMANENT_SMP", "completedAt", "2026-12-01T13:20:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.reminder(client, ReminderType.TOP_UP).isPresent());
        assertThat(Db.reminder(client, ReminderType.TOP_UP).orElseThrow().dueAt).isEqualTo(Instant.parse("2030-06-01T09:00:00Z"));
    }

    @Test
    void the_saved_policy_names_the_acting_admin() {
        UUID clinic = UUID.randomUUID();
        Map<String, Object> rules = currentRules();
        given().auth().oauth2(Tokens.admin(clinic)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(200).body("updatedBy", equalTo("admin-" + clinic));
        String anotherAdmin = DevTokens.token("admin-2-" + clinic, clinic, "admin");
        given().auth().oauth2(anotherAdmin).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(200).body("updatedBy", equalTo("admin-2-" + clinic));
        given().auth().oauth2(Tokens.staff(clinic)).get("/api/v1/reminder-policies")
                .then().statusCode(200).body("updatedBy", equalTo("admin-2-" + clinic));
    }

    @Test
    void invalid_rules_are_a_400_naming_the_field() {
        Map<String, Object> rules = currentRules();
        rules.put("appointmentReminders", Map.of("enabled", true, "offsets", List.of("P2D", "sometime")));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/validation-failed"))
                .body("violations[0].field", equalTo("rules.appointmentReminders.offsets[1]"));

        Map<String, Object> badTime = currentRules();
        badTime.put("quietHours", Map.of("enabled", true, "start", "25:00", "end", "08:00", "channels", List.of("SMS")));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(badTime)
                .put("/api/v1/reminder-policies").then().statusCode(400)
                .body("type", equalTo("https://stipple.io/problems/validation-failed"));

        Map<String, Object> unknownChannel = currentRules();
        unknownChannel.put("quietHours", Map.of("enabled", true, "start", "21:00", "end", "08:00", "channels", List.of("PIGEON")));
        given().auth().oauth2(Tokens.admin(clinicId)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(unknownChannel)
                .put("/api/v1/reminder-policies").then().statusCode(400);

        given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/reminder-policies/defaults")
                .then().statusCode(200).body("aftercare.steps.day", equalTo(List.of(0, 3, 7)));
    }
}
