package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stipple.booking.ClinicScenario;
import io.stipple.booking.Events;
import io.stipple.booking.domain.Booking;
import io.stipple.booking.service.ManageLinks;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The manage link in a booking's confirmation: whoever holds it views, reschedules or cancels that one booking without
 * logging in, with a client's rights; every wrong, forged or dead link is the same 404 as a missing booking.
 */
@QuarkusTest
class ManageLinkTest extends ClinicScenario {

    @Inject
    ManageLinks links;

    private static RequestSpecification anybody() {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Books a consultation and returns the manage token its BookingConfirmed carries. */
    private String[] bookWithLink(String startsAt) {
        String id = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, c.technicians.get(0), startsAt));
        JsonNode confirmed = Events.await(probe, "BookingConfirmed", id);
        String token = confirmed.at("/data/manageToken").asText();
        assertThat(token).hasSize(86);
        return new String[] {id, token};
    }

    private static void assertMissing(Response r) {
        r.then().statusCode(404).body("type", equalTo(PROBLEM + "not-found")).body("detail", equalTo("Booking was not found"));
    }

    @Test
    void theLinkViewsReschedulesAndCancelsItsOneBookingAndIsDeadAfterCancel() {
        String[] booked = bookWithLink("2030-01-14T10:00:00Z");
        String id = booked[0];
        String token = booked[1];

        anybody().header("Manage-Token", token).get("/api/v1/manage/booking").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(id)).body("status", equalTo("CONFIRMED"));

        // a move within the rules is a reschedule (same id, BookingRescheduled), never a cancel and a new booking
        anybody().header("Manage-Token", token).body(Map.of("startsAt", "2030-01-15T11:00:00Z")).post("/api/v1/manage/booking/reschedule")
                .then().statusCode(200).body("id", equalTo(id)).body("startsAt", equalTo("2030-01-15T11:00:00Z"));
        JsonNode moved = Events.await(probe, "BookingRescheduled", id);
        assertThat(moved.at("/data/previousStartsAt").asText()).isEqualTo("2030-01-14T10:00:00Z");
        // a client's rights only: no healing override through a link
        anybody().header("Manage-Token", token).body(Map.of("startsAt", "2030-01-15T12:00:00Z",
                        "healingOverride", Map.of("intervalDays", 5, "reason", "x")))
                .post("/api/v1/manage/booking/reschedule").then().statusCode(org.hamcrest.Matchers.oneOf(403, 422));

        anybody().header("Manage-Token", token).body(Map.of("reason", "Cannot make it")).post("/api/v1/manage/booking/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("CLIENT"));
        Events.await(probe, "BookingCancelled", id);
        // dead from now on, like a booking that does not exist
        assertMissing(anybody().header("Manage-Token", token).get("/api/v1/manage/booking"));
        assertMissing(anybody().header("Manage-Token", token).body(Map.of("reason", "again")).post("/api/v1/manage/booking/cancel"));
        assertMissing(anybody().header("Manage-Token", token).body(Map.of("startsAt", "2030-01-16T11:00:00Z")).post("/api/v1/manage/booking/reschedule"));
    }

    @Test
    void theClinicsNoticeAppliesToTheLinkAsToTheClient() {
        String[] booked = bookWithLink("2030-01-08T10:00:00Z"); // 26 hours ahead, inside the 48-hour notice
        anybody().header("Manage-Token", booked[1]).body(Map.of("reason", "Cannot make it")).post("/api/v1/manage/booking/cancel")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "cancellation-window-passed"));
        anybody().header("Manage-Token", booked[1]).body(Map.of("startsAt", "2030-01-20T10:00:00Z")).post("/api/v1/manage/booking/reschedule")
                .then().statusCode(422).body("type", equalTo(PROBLEM + "cancellation-window-passed"));
        c.as(c.staff()).get("/api/v1/bookings/" + booked[0]).then().body("status", equalTo("CONFIRMED"))
                .body("startsAt", equalTo("2030-01-08T10:00:00Z"));
    }

    @Test
    void theLinkViewsTheBookingUntilADayAfterItEnds() {
        String[] booked = bookWithLink("2030-01-08T10:00:00Z"); // ends 10:30
        CLOCK.set(Instant.parse("2030-01-09T10:29:00Z"));
        anybody().header("Manage-Token", booked[1]).get("/api/v1/manage/booking").then().statusCode(200);
        CLOCK.set(Instant.parse("2030-01-09T10:30:00Z"));
        assertMissing(anybody().header("Manage-Token", booked[1]).get("/api/v1/manage/booking"));
    }

    @Test
    void aWrongForgedOrForeignLinkIsTheSame404AsAMissingBooking() {
        String[] booked = bookWithLink("2030-01-14T10:00:00Z");
        byte[] raw = Base64.getUrlDecoder().decode(booked[1]);

        // a bit of the signature flipped
        byte[] forged = raw.clone();
        forged[63] ^= 1;
        assertMissing(anybody().header("Manage-Token", Base64.getUrlEncoder().withoutPadding().encodeToString(forged)).get("/api/v1/manage/booking"));
        // the signature of this booking under another booking's id (ids are not secret: staff see them)
        String other = bookWithLink("2030-01-14T12:00:00Z")[0];
        byte[] swapped = raw.clone();
        UUID otherId = UUID.fromString(other);
        java.nio.ByteBuffer.wrap(swapped, 16, 16).putLong(otherId.getMostSignificantBits()).putLong(otherId.getLeastSignificantBits());
        assertMissing(anybody().header("Manage-Token", Base64.getUrlEncoder().withoutPadding().encodeToString(swapped)).get("/api/v1/manage/booking"));
        // no token at all, or nonsense of every shape
        assertMissing(anybody().get("/api/v1/manage/booking"));
        for (String nonsense : new String[] {"x", "not-a-token", "A".repeat(86), "%%%%" + booked[1].substring(4), booked[1] + "A",
                booked[1].substring(0, 85)}) {
            assertMissing(anybody().header("Manage-Token", nonsense).get("/api/v1/manage/booking"));
        }
        // a token changes nothing for a caller with a token of another clinic either
        c.as(io.stipple.testinfra.DevTokens.token("staff-elsewhere", UUID.randomUUID(), "staff"))
                .header("Manage-Token", booked[1]).get("/api/v1/manage/booking").then().statusCode(200).body("id", equalTo(booked[0]));
    }

    @Test
    void aHoldHasNoWorkingLinkUntilItIsConfirmed() {
        UUID client = feeder.registered(c.id);
        String id = c.as(c.staff()).body(c.booking(client, c.consultation, c.technicians.get(0), "2030-01-14T10:00:00Z"))
                .post("/api/v1/bookings/holds").then().statusCode(201).extract().path("id");
        Booking held = new Booking();
        held.id = UUID.fromString(id);
        held.clinicId = c.id;
        String token = links.token(held);
        assertMissing(anybody().header("Manage-Token", token).get("/api/v1/manage/booking"));
        c.as(c.staff()).post("/api/v1/bookings/holds/" + id + "/confirm").then().statusCode(200);
        assertThat(Events.await(probe, "BookingConfirmed", id).at("/data/manageToken").asText()).isEqualTo(token);
        anybody().header("Manage-Token", token).get("/api/v1/manage/booking").then().statusCode(200).body("id", equalTo(id));
    }
}
