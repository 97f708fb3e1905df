package io.stipple.journey;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stipple.stack.Service;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.PATIENCE;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.ok;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booking the way a front desk and a client do it, across the running services: the front desk holds a slot while the
 * form is filled in and confirms it; a client books the whole plan in one step, gets reminders for every session from
 * notification-service, and cancels one session through the link its confirmation carries — no login.
 */
@ExtendWith(StippleSystem.class)
class BookingJourneyIT {

    @Test
    void the_front_desk_holds_a_slot_while_the_form_is_filled_in_then_confirms_it() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Remy", List.of("TREATMENT"));
        LocalDate day = LocalDate.now(LONDON).plusDays(3);
        String slot = clinic.availabilityOnceKnown(client, day).getString("slots[0].startsAt");

        JsonPath held = ok(as(clinic.staff).body(Map.of("clientId", client.id(), "treatmentId", clinic.smpTreatmentId,
                "technicianId", clinic.technicianId, "startsAt", slot)).post(url(Service.BOOKING, "/api/v1/bookings/holds")), 201);
        assertThat(held.getString("status")).isEqualTo("HELD");
        assertThat(held.getString("holdExpiresAt")).isNotBlank();
        String id = held.getString("id");
        // while the form is filled in, nobody else gets the slot
        Clinic.Client another = clinic.clientWithAgreedPlan("Sami", List.of("TREATMENT"));
        assertThat(clinic.availabilityOnceKnown(another, day).getList("slots.startsAt")).doesNotContain(slot);

        JsonPath booked = ok(as(clinic.staff).body(Map.of("preparationNotes", "Shave to a 0 grade the evening before"))
                .post(url(Service.BOOKING, "/api/v1/bookings/holds/" + id + "/confirm")), 200);
        assertThat(booked.getString("id")).isEqualTo(id);
        assertThat(booked.getString("status")).isEqualTo("CONFIRMED");
        // notification-service heard BookingConfirmed (once, for the same id) and planned the reminder
        await("appointment reminder of " + id).atMost(PATIENCE).until(() -> !reminders(clinic, id).isEmpty());
    }

    @Test
    void a_client_books_the_whole_plan_at_once_and_cancels_a_session_through_the_link_in_its_confirmation() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Noor", List.of("TREATMENT"));
        LocalDate from = LocalDate.now(LONDON).plusDays(2);
        clinic.availabilityOnceKnown(client, from);

        try (TopicProbe bookings = new TopicProbe(StippleSystem.kafka().bootstrapServers(), "stipple.bookings")) {
            // the client's own front end: the series search and the booking, with the client's token
            JsonPath series = ok(as(client.token()).get(url(Service.BOOKING, "/api/v1/availability/series?treatmentId="
                    + clinic.smpTreatmentId + "&from=" + from)), 200);
            assertThat(series.getInt("sessions")).isEqualTo(3);
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (Map<String, Object> s : series.<Map<String, Object>>getList("combinations[0].sessions")) {
                sessions.add(Map.of("startsAt", s.get("startsAt"), "technicianId", s.get("technicianId")));
            }
            JsonPath booked = ok(as(client.token()).body(Map.of("treatmentId", clinic.smpTreatmentId, "sessions", sessions))
                    .post(url(Service.BOOKING, "/api/v1/bookings/series")), 201);
            List<String> ids = booked.getList("bookings.id");
            assertThat(booked.<Integer>getList("bookings.sessionNumber")).containsExactly(1, 2, 3);

            // a reminder planned for every session of the series
            for (String id : ids) {
                await("appointment reminder of session " + id).atMost(PATIENCE).until(() -> !reminders(clinic, id).isEmpty());
            }

            // another client waits for an SMP session around session 3's day
            String third = ids.get(2);
            LocalDate thirdDay = java.time.OffsetDateTime.parse(booked.getString("bookings[2].startsAt"))
                    .atZoneSameInstant(LONDON).toLocalDate();
            Clinic.Client waiting = clinic.clientWithAgreedPlan("Wren", List.of("TREATMENT"));
            clinic.availabilityOnceKnown(waiting, from);
            ok(as(clinic.staff).body(Map.of("clientId", waiting.id(), "treatmentId", clinic.smpTreatmentId,
                    "from", thirdDay.minusDays(1).toString(), "to", thirdDay.plusDays(1).toString()))
                    .post(url(Service.BOOKING, "/api/v1/waitlist")), 201);

            // the confirmation of session 3 carries its manage link; the client cancels through it, logged in nowhere
            List<ConsumerRecord<String, String>> confirmed = bookings.awaitRecords(r -> r.value().contains("io.stipple.BookingConfirmed")
                    && r.value().contains(third), 1, PATIENCE);
            String token = JsonPath.from(confirmed.get(0).value()).getString("data.manageToken");
            Response cancelled = RestAssured.given().contentType(ContentType.JSON).header("Manage-Token", token)
                    .body(Map.of("reason", "Travelling that week")).post(url(Service.BOOKING, "/api/v1/manage/booking/cancel"));
            assertThat(ok(cancelled, 200).getString("status")).isEqualTo("CANCELLED");
            assertThat(RestAssured.given().header("Manage-Token", token).get(url(Service.BOOKING, "/api/v1/manage/booking")).statusCode()).isEqualTo(404);

            // notification-service cancels that session's reminder; the other two stay planned
            await("reminder of the cancelled session cancelled").atMost(PATIENCE)
                    .until(() -> reminders(clinic, third).stream().allMatch(r -> "CANCELLED".equals(r.get("status"))));
            assertThat(reminders(clinic, ids.get(0))).noneMatch(r -> "CANCELLED".equals(r.get("status")));
            // the other sessions are still booked
            assertThat(ok(as(clinic.staff).get(url(Service.BOOKING, "/api/v1/bookings/" + ids.get(1))), 200).getString("status"))
                    .isEqualTo("CONFIRMED");

            // the freed slot goes to the waiting client: an offer (a hold on that time), e-mailed by notification-service
            Map<String, Object> offer = await("waitlist offer to " + waiting.id()).atMost(PATIENCE).until(() -> {
                List<Map<String, Object>> offers = ok(as(waiting.token()).get(url(Service.BOOKING, "/api/v1/waitlist/offers")), 200)
                        .getList("items");
                return offers.isEmpty() ? null : offers.get(0);
            }, o -> o != null);
            String offerId = (String) offer.get("id");
            await("offer e-mail to " + waiting.email()).atMost(PATIENCE).until(() -> Clinic.mailsTo(waiting.email()).stream()
                    .anyMatch(m -> subject(m).startsWith("A place is free at")));
            // accepting books it for the waiting client
            JsonPath accepted = ok(as(waiting.token()).post(url(Service.BOOKING, "/api/v1/waitlist/offers/" + offerId + "/accept")), 200);
            assertThat(accepted.getString("status")).isEqualTo("CONFIRMED");
            assertThat(accepted.getString("clientId")).isEqualTo(waiting.id().toString());
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static List<Map<String, Object>> reminders(Clinic clinic, String bookingId) {
        Response r = as(clinic.staff).get(url(Service.NOTIFICATION, "/api/v1/notifications?type=APPOINTMENT_REMINDER&bookingId=" + bookingId));
        return r.statusCode() == 200 ? r.jsonPath().getList("items") : List.of();
    }
}
