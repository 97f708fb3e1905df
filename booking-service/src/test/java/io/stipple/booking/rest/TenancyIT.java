package io.stipple.booking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.TestClinic;
import io.stipple.testinfra.TenancyProbe;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL itself keeps clinics apart in booking-service's database: after real data of two clinics has arrived
 * the way it does in production (the API, and client-service's events through the consumer's inbox and handler),
 * {@link TenancyProbe} connects as the service's runtime role and counts rows with no clinic filter at all.
 */
@QuarkusTest
class TenancyIT {

    /** Tables that hold no clinic's data (each says why in its comment). */
    static final List<String> GLOBAL_TABLES = List.of("inbox_event");

    /** Every table this test fills for both clinics. */
    static final List<String> POPULATED = List.of("clinic", "clinic_closure", "room", "treatment", "technician",
            "technician_time_off", "booking", "session_record", "client_projection", "plan_projection",
            "partner_registry", "partner_sharing", "outbox_event", "idempotency_record");

    @Inject
    ClientEventsFeeder feeder;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void withNoClinicFilterEachClinicSeesOnlyItsOwnRows() {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        populate(TestClinic.create());
        populate(TestClinic.create());

        Config config = ConfigProvider.getConfig();
        TenancyProbe.Report report = TenancyProbe.check(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        System.out.println(report);
        System.out.println("TenancyIT rows per table: " + report.rowsPerTable());
        System.out.println("TenancyIT clinics per table: " + report.clinicsPerTable());

        assertThat(report.problems()).isEmpty();
        assertThat(report.globalTables()).containsExactlyInAnyOrderElementsOf(GLOBAL_TABLES);
        for (String table : POPULATED) {
            assertThat(report.clinicsPerTable().get(table)).as("clinics with rows in %s", table).isGreaterThanOrEqualTo(2);
        }
    }

    /** A clinic's whole life in booking-service: set-up, a client with a plan, a partner, a booked and done session. */
    private void populate(TestClinic c) {
        CLOCK.set(Instant.parse("2030-01-07T08:00:00Z"));
        UUID tech = c.technicians.get(0);
        c.as(c.admin()).body(Map.of("firstDay", "2030-03-01", "lastDay", "2030-03-02", "reason", "Refurbishment"))
                .post("/api/v1/clinics/" + c.id + "/closures").then().statusCode(201);
        c.as(c.staff()).body(Map.of("startsAt", "2030-02-10T09:00:00Z", "endsAt", "2030-02-10T17:00:00Z"))
                .post("/api/v1/clinics/" + c.id + "/technicians/" + tech + "/time-off").then().statusCode(201);
        UUID client = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        feeder.shareWithPartner(c.id, client, "partner-tenancy");
        String session = c.as(c.partner("partner-tenancy")).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(c.booking(client, c.smp, tech, "2030-01-08T09:00:00Z"))
                .post("/api/v1/bookings").then().statusCode(201).extract().path("id");
        CLOCK.set(Instant.parse("2030-01-08T09:00:00Z"));
        c.as(c.staff()).post("/api/v1/bookings/" + session + "/check-in").then().statusCode(200);
        CLOCK.set(Instant.parse("2030-01-08T11:00:00Z"));
        c.as(c.staff()).body(BookingResourceTest.sessionRecord()).post("/api/v1/bookings/" + session + "/complete")
                .then().statusCode(200);
    }
}
