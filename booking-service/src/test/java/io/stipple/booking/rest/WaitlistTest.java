package io.stipple.booking.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.ClinicScenario;
import io.stipple.booking.Events;
import io.stipple.booking.TestClinic;
import io.stipple.booking.service.HoldSweeper;
import io.stipple.booking.service.WaitlistMatcher;
import io.stipple.testinfra.DevTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.stipple.booking.TestClinic.PROBLEM;
import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The waitlist over the API, the real database and Kafka: freed time goes to the first waiting client it fits as a
 * held offer (WaitlistOffered), whose acceptance books it (the held booking, BookingConfirmed once) and whose
 * silence passes it on (WaitlistOfferExpired, then WaitlistOffered to the next); offered to all, the first to accept
 * wins; clients it does not fit, other clients and other clinics get nothing.
 */
@QuarkusTest
class WaitlistTest extends ClinicScenario {

    static final String SLOT = "2030-01-08T10:00:00Z";

    @Inject
    HoldSweeper sweeper;

    @Inject
    WaitlistMatcher matcher;

    /** A client of the clinic joins for the consultation, 8 to 10 January, with these extras. */
    private String join(UUID client, Map<String, Object> extras) {
        Map<String, Object> body = new HashMap<>(Map.of("treatmentId", c.consultation.toString(),
                "from", "2030-01-08", "to", "2030-01-10"));
        body.putAll(extras);
        return c.as(c.client(client)).body(body).post("/api/v1/waitlist").then().statusCode(201)
                .body("status", equalTo("WAITING")).extract().path("id");
    }

    /** A booking of the slot by another client, cancelled by the front desk: the freed time. */
    private String bookAndCancelTheSlot() {
        String booked = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT));
        c.as(c.staff()).body(Map.of("reason", "Client is unwell")).post("/api/v1/bookings/" + booked + "/cancel")
                .then().statusCode(200);
        return booked;
    }

    private long published(String eventName, String id) {
        return probe.seen().stream().map(ConsumerRecord::value)
                .filter(v -> v.contains("\"io.stipple." + eventName + "\"") && v.contains(id)).count();
    }

    private List<String> freeStarts(UUID client) {
        return c.as(c.staff()).get("/api/v1/availability?treatmentId=" + c.consultation + "&clientId=" + client
                        + "&from=2030-01-08&to=2030-01-08&technicianId=" + tech())
                .then().statusCode(200).extract().path("slots.startsAt");
    }

    @Test
    void aCancellationIsOfferedToTheFirstInLineWhoseSilencePassesItOnAndWhoseAcceptanceBooksIt() {
        UUID first = feeder.registered(c.id);
        UUID second = feeder.registered(c.id);
        String firstEntry = join(first, Map.of());
        String secondEntry = join(second, Map.of());
        c.as(c.client(second)).get("/api/v1/waitlist/" + secondEntry).then().statusCode(200).body("position", equalTo(2));

        bookAndCancelTheSlot();

        // the first in line is offered the slot: a hold for the clinic's offer time (60 minutes by default)
        JsonNode offered = Events.await(probe, "WaitlistOffered", first.toString());
        assertThat(offered.path("subject").asText()).isEqualTo(first.toString());
        JsonNode data = offered.path("data");
        assertThat(data.path("entryId").asText()).isEqualTo(firstEntry);
        assertThat(data.path("mode").asText()).isEqualTo("FIRST_IN_LINE");
        assertThat(data.path("startsAt").asText()).isEqualTo(SLOT);
        assertThat(data.path("endsAt").asText()).isEqualTo("2030-01-08T10:30:00Z");
        assertThat(data.path("offerExpiresAt").asText()).isEqualTo("2030-01-07T09:00:00Z");
        assertThat(data.path("technicianName").asText()).isEqualTo("Sam Okafor");
        assertThat(data.path("clinicTimeZone").asText()).isEqualTo("Europe/London");
        String firstOffer = data.path("offerId").asText();
        String hold = data.path("bookingId").asText();
        c.as(c.staff()).get("/api/v1/bookings/" + hold).then().statusCode(200).body("status", equalTo("HELD"))
                .body("clientId", equalTo(first.toString()));
        c.as(c.client(first)).get("/api/v1/waitlist/" + firstEntry).then().body("status", equalTo("OFFERED"));
        assertThat(freeStarts(second)).doesNotContain(SLOT);
        // nobody else may answer it: another client is told it does not exist
        c.as(c.client(second)).post("/api/v1/waitlist/offers/" + firstOffer + "/accept").then().statusCode(404);
        c.as(c.client(second)).get("/api/v1/waitlist/offers").then().statusCode(200).body("totalItems", equalTo(0));

        // silence: the offer runs out, the next in line gets the slot
        CLOCK.set(NOW.plus(Duration.ofMinutes(61)));
        assertThat(sweeper.expireRunOutHolds()).isGreaterThanOrEqualTo(1);
        JsonNode expired = Events.await(probe, "WaitlistOfferExpired", firstOffer);
        assertThat(expired.path("data").path("clientId").asText()).isEqualTo(first.toString());
        assertThat(expired.path("data").path("startsAt").asText()).isEqualTo(SLOT);
        JsonNode next = Events.await(probe, "WaitlistOffered", second.toString()).path("data");
        assertThat(next.path("startsAt").asText()).isEqualTo(SLOT);
        assertThat(next.path("offerExpiresAt").asText()).isEqualTo("2030-01-07T10:01:00Z");
        c.as(c.client(first)).post("/api/v1/waitlist/offers/" + firstOffer + "/accept").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "offer-expired"));
        c.as(c.client(first)).get("/api/v1/waitlist/" + firstEntry).then().body("status", equalTo("WAITING"));
        c.as(c.staff()).get("/api/v1/bookings/" + hold).then().body("status", equalTo("EXPIRED"));

        // the second accepts: the held booking becomes the booking, BookingConfirmed once
        String secondHold = next.path("bookingId").asText();
        c.as(c.client(second)).post("/api/v1/waitlist/offers/" + next.path("offerId").asText() + "/accept")
                .then().statusCode(200)
                .body("id", equalTo(secondHold))
                .body("status", equalTo("CONFIRMED"))
                .body("clientId", equalTo(second.toString()));
        Events.await(probe, "BookingConfirmed", secondHold);
        c.as(c.client(second)).get("/api/v1/waitlist/" + secondEntry).then().body("status", equalTo("BOOKED"))
                .body("position", nullValue());
        c.as(c.client(second)).post("/api/v1/waitlist/offers/" + next.path("offerId").asText() + "/accept")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "offer-closed"));
        // a later event of the client proves the relay went past: BookingConfirmed was published exactly once
        c.as(c.staff()).body(Map.of("reason", "Moved abroad")).post("/api/v1/bookings/" + secondHold + "/cancel")
                .then().statusCode(200);
        Events.await(probe, "BookingCancelled", secondHold);
        assertThat(published("BookingConfirmed", secondHold)).isEqualTo(1);
    }

    @Test
    void aBookingMovedAwayFreesItsOldTimeForTheWaitlist() {
        UUID waiting = feeder.registered(c.id);
        join(waiting, Map.of());
        String booked = c.book(c.staff(), c.booking(feeder.registered(c.id), c.consultation, tech(), SLOT));
        c.as(c.staff()).body(Map.of("startsAt", "2030-01-08T14:00:00Z")).post("/api/v1/bookings/" + booked + "/reschedule")
                .then().statusCode(200);
        JsonNode offered = Events.await(probe, "WaitlistOffered", waiting.toString()).path("data");
        assertThat(offered.path("startsAt").asText()).isEqualTo(SLOT);
    }

    /** Many matchers at once (the sweep of several instances beside the after-commit worker): one offer of the slot. */
    @Test
    void concurrentMatchersMakeOneFirstInLineOfferOfASlot() throws Exception {
        UUID first = feeder.registered(c.id);
        UUID second = feeder.registered(c.id);
        join(first, Map.of());
        join(second, Map.of());
        bookAndCancelTheSlot();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sweeps.add(pool.submit(matcher::matchPending));
            }
            for (Future<Integer> sweep : sweeps) {
                sweep.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Events.await(probe, "WaitlistOffered", first.toString());
        c.as(c.staff()).get("/api/v1/waitlist/offers").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].clientId", equalTo(first.toString()));
        c.as(c.staff()).get("/api/v1/bookings?status=HELD").then().statusCode(200).body("totalItems", equalTo(1));
        assertThat(published("WaitlistOffered", second.toString())).isZero();
    }

    @Test
    void aDeclinedOfferGoesToTheNextInLineAtOnce() {
        UUID first = feeder.registered(c.id);
        UUID second = feeder.registered(c.id);
        String firstEntry = join(first, Map.of());
        join(second, Map.of());
        bookAndCancelTheSlot();
        String offer = Events.await(probe, "WaitlistOffered", first.toString()).path("data").path("offerId").asText();

        c.as(c.client(first)).post("/api/v1/waitlist/offers/" + offer + "/decline").then().statusCode(204);
        Events.await(probe, "WaitlistOffered", second.toString());
        c.as(c.client(first)).get("/api/v1/waitlist/" + firstEntry).then().body("status", equalTo("WAITING"));
        c.as(c.client(first)).get("/api/v1/waitlist/offers/" + offer).then().statusCode(200).body("status", equalTo("DECLINED"));
    }

    @Test
    void offeredToAllTheFirstToAcceptBooksAndTheOtherIsTooLate() {
        Map<String, Object> profile = TestClinic.clinicBody(c.zone, TestClinic.week("09:00", "18:00"));
        profile.put("waitlistMode", "OFFER_TO_ALL");
        profile.put("waitlistOfferMinutes", 1441);
        c.as(c.admin()).body(profile).header("If-Match", "\"0\"").put("/api/v1/clinics/" + c.id).then().statusCode(400);
        profile.put("waitlistOfferMinutes", 120);
        c.as(c.admin()).body(profile).header("If-Match", "\"0\"").put("/api/v1/clinics/" + c.id).then().statusCode(200)
                .body("waitlistMode", equalTo("OFFER_TO_ALL")).body("waitlistOfferMinutes", equalTo(120));
        UUID first = feeder.registered(c.id);
        UUID second = feeder.registered(c.id);
        join(first, Map.of());
        String secondEntry = join(second, Map.of());

        bookAndCancelTheSlot();

        JsonNode toFirst = Events.await(probe, "WaitlistOffered", first.toString()).path("data");
        JsonNode toSecond = Events.await(probe, "WaitlistOffered", second.toString()).path("data");
        for (JsonNode offer : List.of(toFirst, toSecond)) {
            assertThat(offer.path("mode").asText()).isEqualTo("OFFER_TO_ALL");
            assertThat(offer.path("bookingId").isNull()).isTrue();
            assertThat(offer.path("startsAt").asText()).isEqualTo(SLOT);
            assertThat(offer.path("offerExpiresAt").asText()).isEqualTo("2030-01-07T10:00:00Z");
        }
        // no hold: the time stays free until somebody accepts
        assertThat(freeStarts(first)).contains(SLOT);

        String booking = c.as(c.client(second)).post("/api/v1/waitlist/offers/" + toSecond.path("offerId").asText() + "/accept")
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).body("clientId", equalTo(second.toString()))
                .extract().path("id");
        Events.await(probe, "BookingConfirmed", booking);
        c.as(c.client(first)).post("/api/v1/waitlist/offers/" + toFirst.path("offerId").asText() + "/accept")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "offer-taken"));
        c.as(c.client(first)).get("/api/v1/waitlist/offers/" + toFirst.path("offerId").asText()).then()
                .body("status", equalTo("TAKEN"));
        c.as(c.client(second)).get("/api/v1/waitlist/" + secondEntry).then().body("status", equalTo("BOOKED"));
    }

    @Test
    void waitingClientsTheSlotDoesNotSuitGetNothingAndOtherClinicsSeeNoEntries() {
        UUID otherTechnician = feeder.registered(c.id);
        UUID afternoons = feeder.registered(c.id);
        UUID suited = feeder.registered(c.id);
        String otherEntry = join(otherTechnician, Map.of("technicianId", c.technicians.get(1).toString()));
        String afternoonEntry = join(afternoons, Map.of("earliestTime", "14:00", "latestTime", "17:00"));
        join(suited, Map.of("technicianId", tech().toString(), "earliestTime", "09:00", "latestTime", "11:00"));

        bookAndCancelTheSlot();

        // the third in line is the first the slot suits
        Events.await(probe, "WaitlistOffered", suited.toString());
        for (UUID client : List.of(otherTechnician, afternoons)) {
            c.as(c.staff()).get("/api/v1/waitlist/offers?clientId=" + client).then().statusCode(200)
                    .body("totalItems", equalTo(0));
            assertThat(published("WaitlistOffered", client.toString())).isZero();
        }
        c.as(c.staff()).get("/api/v1/waitlist/" + otherEntry).then().body("status", equalTo("WAITING")).body("position", equalTo(1));
        c.as(c.staff()).get("/api/v1/waitlist/" + afternoonEntry).then().body("status", equalTo("WAITING"));
        c.as(c.staff()).get("/api/v1/waitlist?treatmentId=" + c.consultation + "&status=OFFERED").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].clientId", equalTo(suited.toString()));
        // a client sees only its own entries
        c.as(c.client(afternoons)).get("/api/v1/waitlist").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(afternoonEntry));
        c.as(c.client(afternoons)).get("/api/v1/waitlist/" + otherEntry).then().statusCode(404);

        // another clinic's staff: no entries, no offers
        String elsewhere = DevTokens.token("staff-elsewhere", UUID.randomUUID(), "staff");
        c.as(elsewhere).get("/api/v1/waitlist").then().statusCode(200).body("totalItems", equalTo(0));
        c.as(elsewhere).get("/api/v1/waitlist/" + otherEntry).then().statusCode(404);
        c.as(elsewhere).delete("/api/v1/waitlist/" + otherEntry).then().statusCode(404);
        String offer = c.as(c.staff()).get("/api/v1/waitlist/offers?clientId=" + suited).then().statusCode(200)
                .extract().path("items[0].id");
        c.as(elsewhere).post("/api/v1/waitlist/offers/" + offer + "/accept").then().statusCode(404);
        c.as(elsewhere).get("/api/v1/waitlist/offers").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void leavingTakesTheEntryOutOfLineAndJoiningChecksTheRequest() {
        UUID client = feeder.registered(c.id);
        String entry = join(client, Map.of());
        c.as(c.client(client)).delete("/api/v1/waitlist/" + entry).then().statusCode(204);
        c.as(c.client(client)).get("/api/v1/waitlist/" + entry).then().body("status", equalTo("LEFT"))
                .body("position", nullValue());
        c.as(c.client(client)).delete("/api/v1/waitlist/" + entry).then().statusCode(204);

        Map<String, Object> tooLong = Map.of("treatmentId", c.consultation.toString(), "from", "2030-01-08", "to", "2030-04-09");
        c.as(c.client(client)).body(tooLong).post("/api/v1/waitlist").then().statusCode(400);
        Map<String, Object> backwards = Map.of("treatmentId", c.consultation.toString(), "from", "2030-01-08",
                "to", "2030-01-09", "earliestTime", "15:00", "latestTime", "09:00");
        c.as(c.client(client)).body(backwards).post("/api/v1/waitlist").then().statusCode(400);
        Map<String, Object> past = Map.of("treatmentId", c.consultation.toString(), "from", "2029-12-01", "to", "2029-12-31");
        c.as(c.client(client)).body(past).post("/api/v1/waitlist").then().statusCode(400);
        // a client joins only for itself; staff name a client of the clinic
        Map<String, Object> forAnother = Map.of("clientId", feeder.registered(c.id).toString(),
                "treatmentId", c.consultation.toString(), "from", "2030-01-08", "to", "2030-01-09");
        c.as(c.client(client)).body(forAnother).post("/api/v1/waitlist").then().statusCode(404);
        c.as(c.staff()).body(forAnother).post("/api/v1/waitlist").then().statusCode(201);
        Map<String, Object> unknown = Map.of("clientId", UUID.randomUUID().toString(),
                "treatmentId", c.consultation.toString(), "from", "2030-01-08", "to", "2030-01-09");
        c.as(c.staff()).body(unknown).post("/api/v1/waitlist").then().statusCode(422)
                .body("type", equalTo(PROBLEM + "unknown-client"));
    }
}
