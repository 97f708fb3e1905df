package io.stipple.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.service.WebhookDispatcher;
import io.stipple.testinfra.TenancyProbe;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL itself keeps the clinics apart in notification-service's database: after real data of two clinics
 * arrived the way it does in production (client, booking and partner events; the HTTP API for preferences,
 * policies and webhook subscriptions), {@link TenancyProbe} connects as the runtime role and, with queries that
 * have no clinic filter at all, finds every clinic table protected and each clinic seeing only its own rows.
 */
@QuarkusTest
class TenancyIT {

    @Inject
    WebhookDispatcher webhooks;

    private void populate(UUID clinic) {
        String partner = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        Events.partner(clinic, partner, "ACTIVE");
        UUID client = Events.knownClient(clinic, UUID.randomUUID());
        Events.partnerSharing(clinic, client, partner, true);
        UUID erased = Events.knownClient(clinic, UUID.randomUUID());
        Events.publish("client-service", "ClientErased", clinic, erased, data("erasedAt", "2027-01-01T00:00:00Z"));

        given().auth().oauth2(Tokens.client(clinic, client)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("optedOutChannels", List.of("SMS"), "maintenanceTips", true))
                .put("/api/v1/notifications/preferences/" + client).then().statusCode(200);
        Map<?, ?> rules = given().auth().oauth2(Tokens.admin(clinic)).get("/api/v1/reminder-policies/defaults")
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(Tokens.admin(clinic)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(rules)
                .put("/api/v1/reminder-policies").then().statusCode(200);
        String subscription = given().auth().oauth2(Tokens.admin(clinic)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "tenancy-" + UUID.randomUUID())
                .body(Map.of("url", ChannelsTestResource.wireMockUrl("/hooks/tenancy"), "eventTypes", List.of("BookingConfirmed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinic, client, data(
                "bookingId", booking, "startsAt", "2030-01-20T10:00:00Z", "endsAt", "2030-01-20T12:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.remindersOfBooking(booking).size() == 2
                && Db.deliveriesOf(UUID.fromString(subscription)).size() == 1
                && Db.sharesWith(clinic, client, partner) && Db.contact(clinic, erased).isEmpty());
    }

    @Test
    void the_database_itself_keeps_every_clinic_table_apart() {
        populate(UUID.randomUUID());
        populate(UUID.randomUUID());
        webhooks.runOnce(); // deliveries of both clinics sent on the one cross-clinic path

        var config = ConfigProvider.getConfig();
        TenancyProbe.Report report = TenancyProbe.check(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        System.out.println(report);
        assertThat(report.problems()).isEmpty();
        for (String table : List.of("client_contact", "client_preference", "erased_client", "booking", "scheduled_reminder",
                "reminder_policy", "webhook_subscription", "webhook_delivery", "idempotency_record", "partner_registry",
                "partner_sharing")) {
            assertThat(report.clinicsPerTable().getOrDefault(table, 0)).as(table).isGreaterThanOrEqualTo(2);
        }
        assertThat(report.rowsPerTable()).containsKey("outbox_event");
        assertThat(report.globalTables()).containsExactlyInAnyOrder("inbox_event", "reminder_policy_default");
    }
}
