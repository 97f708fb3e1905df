package io.stipple.booking.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.Events;
import io.stipple.booking.TestClinic;
import io.stipple.booking.domain.ClientProjection;
import io.stipple.booking.domain.PlanProjection;
import io.stipple.platform.tenancy.Tenancy;
import io.stipple.testinfra.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The documented client-service examples, fed through real Kafka, land in the projection. */
@QuarkusTest
class ClientEventsConsumerTest {

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private static void send(String eventName, UUID clinic, UUID client, Consumer<ObjectNode> data) {
        ObjectNode event = ClientEventsFeeder.example(eventName, clinic, client, data);
        TopicProbe.send(Events.bootstrap(), "stipple.clients", client.toString(), event.toString(), Map.of());
    }

    /** The clinic's projection row, read as that clinic (Row-Level Security shows nothing without one). */
    private ClientProjection client(UUID clinic, UUID id) {
        return Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().call(() -> {
            ClientProjection c = em.find(ClientProjection.class, new ClientProjection.Key(clinic, id));
            if (c != null) em.detach(c);
            return c;
        }));
    }

    private PlanProjection plan(UUID clinic, UUID id) {
        return Tenancy.asClinic(clinic, () -> QuarkusTransaction.requiringNew().call(() -> {
            PlanProjection p = em.find(PlanProjection.class, new PlanProjection.Key(clinic, id));
            if (p != null) em.detach(p);
            return p;
        }));
    }

    @Test
    void everyClientEventUpdatesTheProjection() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        send("ClientRegistered", clinic, client, d -> d.put("sex", "FEMALE"));
        send("AssessmentRecorded", clinic, client, d -> {
            d.put("scale", "LUDWIG");
            d.put("stage", "II");
            d.put("coveragePercent", 40);
        });
        send("ScreeningRecorded", clinic, client, d -> d.put("eligibility", "ELIGIBLE"));
        send("TreatmentPlanAgreed", clinic, client, d -> {
            d.put("planId", planId.toString());
            d.put("treatmentType", "TRICOPIGMENTATION");
            d.put("healingIntervalDays", 10);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ClientProjection c = client(clinic, client);
            assertThat(c).isNotNull();
            assertThat(c.sex).isEqualTo("FEMALE");
            assertThat(c.stage).isEqualTo("II");
            assertThat(c.coveragePercent).isEqualTo(40);
            assertThat(c.eligibility).isEqualTo("ELIGIBLE");
            PlanProjection p = plan(clinic, planId);
            assertThat(p).isNotNull();
            assertThat(p.treatmentType.name()).isEqualTo("TRICOPIGMENTATION");
            assertThat(p.healingIntervalDays).isEqualTo(10);
            assertThat(p.status).isEqualTo("AGREED");
        });
        send("ClientUpdated", clinic, client, d -> d.put("lastName", "Renamed"));
        send("TreatmentPlanCompleted", clinic, client, d -> d.put("planId", planId.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client(clinic, client).lastName).isEqualTo("Renamed");
            assertThat(plan(clinic, planId).status).isEqualTo("COMPLETED");
        });
    }

    @Test
    void anotherClinicsEventsAboutTheSameClientIdKeepToTheirOwnRows() {
        UUID clinicA = UUID.randomUUID();
        UUID clinicB = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        send("ClientRegistered", clinicA, client, d -> d.put("sex", "FEMALE"));
        send("TreatmentPlanAgreed", clinicA, client, d -> {
            d.put("planId", planId.toString());
            d.put("treatmentType", "PERMANENT_SMP");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> plan(clinicA, planId) != null);
        // clinic B's events name the same client and plan ids: their own rows, clinic A's untouched
        send("ClientRegistered", clinicB, client, d -> d.put("sex", "MALE"));
        send("ScreeningRecorded", clinicB, client, d -> d.put("eligibility", "ELIGIBLE"));
        send("TreatmentPlanAgreed", clinicB, client, d -> {
            d.put("planId", planId.toString());
            d.put("treatmentType", "SCAR_CAMOUFLAGE");
        });
        send("ClientErased", clinicB, client, null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ClientProjection b = client(clinicB, client);
            assertThat(b).isNotNull();
            assertThat(b.erasedAt).isNotNull();
            assertThat(plan(clinicB, planId)).isNull(); // forgotten by B's erasure
        });
        ClientProjection a = client(clinicA, client);
        assertThat(a.sex).isEqualTo("FEMALE");
        assertThat(a.eligibility).isNull();
        assertThat(a.erasedAt).isNull();
        assertThat(plan(clinicA, planId).treatmentType.name()).isEqualTo("PERMANENT_SMP");
        assertThat(plan(clinicA, planId).status).isEqualTo("AGREED");
    }

    @Test
    void aRedeliveredEventChangesNothingAndAPoisonMessageIsDeadLettered() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        ObjectNode screening = ClientEventsFeeder.example("ScreeningRecorded", clinic, client, d -> d.put("eligibility", "ELIGIBLE"));
        TopicProbe.send(Events.bootstrap(), "stipple.clients", client.toString(), screening.toString(), Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> client(clinic, client) != null && "ELIGIBLE".equals(client(clinic, client).eligibility));
        // a newer screening, then the old event again: the redelivery must not bring ELIGIBLE back
        TopicProbe.send(Events.bootstrap(), "stipple.clients", client.toString(),
                ClientEventsFeeder.example("ScreeningRecorded", clinic, client, d -> d.put("eligibility", "NOT_ELIGIBLE")).toString(), Map.of());
        TopicProbe.send(Events.bootstrap(), "stipple.clients", client.toString(), screening.toString(), Map.of());
        String marker = UUID.randomUUID().toString();
        TopicProbe.send(Events.bootstrap(), "stipple.clients", client.toString(), "{\"not\":\"a cloud event\",\"m\":\"" + marker + "\"}", Map.of());
        try (TopicProbe dlq = new TopicProbe(Events.bootstrap(), "stipple.dlq.booking-service")) {
            var dead = dlq.awaitRecords(r -> r.value().contains(marker), 1, Duration.ofSeconds(60));
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        }
        // the consumer went on: the poison message was after both screenings, so they are applied by now
        assertThat(client(clinic, client).eligibility).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void erasureCancelsFutureBookingsAndAnonymisesTheRest() {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        TestClinic c = TestClinic.create();
        UUID client = UUID.randomUUID();
        send("ClientRegistered", c.id, client, d -> d.put("sex", "MALE"));
        send("ScreeningRecorded", c.id, client, d -> d.put("eligibility", "ELIGIBLE"));
        await().atMost(Duration.ofSeconds(60)).until(() -> client(c.id, client) != null && client(c.id, client).eligibility != null);
        Map<String, Object> body = c.booking(client, c.topUp, c.technicians.get(0), "2030-01-08T10:00:00Z");
        body.put("preparationNotes", "Mr Example: shave the day before");
        String past = c.book(c.staff(), body);
        CLOCK.set(Instant.parse("2030-01-08T10:00:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + past + "/check-in").then().statusCode(200);
        c.as(c.staff()).body(Map.of("areasTreated", java.util.List.of("CROWN"),
                "pigment", Map.of("brand", "B", "shade", "S", "dilution", "1:2", "lot", "L", "expiry", "2031-01-01"),
                "needleConfiguration", "3RL", "actualDurationMinutes", 60, "technicianNotes", "Mentioned his divorce"))
                .post("/api/v1/bookings/" + past + "/complete").then().statusCode(200);
        String future = c.book(c.staff(), c.booking(client, c.consultation, c.technicians.get(0), "2030-02-01T10:00:00Z"));
        try (TopicProbe probe = Events.bookings()) {
            send("ClientErased", c.id, client, null);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    c.as(c.staff()).get("/api/v1/bookings/" + future).then().body("status", equalTo("CANCELLED")));
            JsonNode cancelled = Events.await(probe, "BookingCancelled", future);
            assertThat(cancelled.at("/data/cancelledBy").asText()).isEqualTo("SYSTEM");
        }
        c.as(c.staff()).get("/api/v1/bookings/" + past).then().statusCode(200)
                .body("clientId", nullValue()).body("preparationNotes", nullValue()).body("status", equalTo("COMPLETED"));
        c.as(c.staff()).get("/api/v1/bookings/" + past + "/session-record").then().statusCode(200)
                .body("technicianNotes", nullValue()).body("pigment.lot", equalTo("L"));
        assertThat(client(c.id, client).erasedAt).isNotNull();
        assertThat(client(c.id, client).sex).isNull();
        // nothing can be booked for an erased client any more
        c.as(c.staff()).body(c.booking(client, c.consultation, c.technicians.get(0), "2030-02-02T10:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(422).body("type", equalTo(TestClinic.PROBLEM + "client-erased"));
    }
}
