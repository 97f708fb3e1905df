package io.stipple.journey;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stipple.stack.Service;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.PATIENCE;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.at;
import static io.stipple.journey.Clinic.ok;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One client's whole SMP journey through the four packaged services, over HTTP, on the real broker and
 * database: set-up, registration, assessment, screening, consents, plan, three sessions with the healing rule,
 * aftercare and top-up reminders, the before/after gallery and consent withdrawal, sharing with a registered partner
 * and withdrawing it, export and erasure.
 *
 * <p>The services share one movable clock ({@link StippleSystem#moveClockTo}), so weeks pass without sleeping.
 * The steps run in order and build on each other.
 */
@ExtendWith(StippleSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientJourneyIT {

    /** The services' clock is shared by every test class: give it back as found once the journey is over. */
    @org.junit.jupiter.api.AfterAll
    static void giveTheClockBack() {
        StippleSystem.setClockOffset(java.time.Duration.ZERO);
    }

    private static Clinic clinic;
    private static Clinic.Client client;
    private static final List<UUID> sessions = new ArrayList<>();
    private static LocalDate day1;
    private static UUID setId;
    private static final List<UUID> photos = new ArrayList<>();

    @Test
    @Order(1)
    void a_clinic_is_set_up_and_a_client_registers_is_assessed_screened_consents_and_agrees_a_plan() {
        clinic = new Clinic().setUp();
        client = clinic.clientWithAgreedPlan("Jordan", List.of("TREATMENT", "CLINICAL_PHOTOS", "PUBLIC_GALLERY"));

        JsonPath record = ok(as(client.token()).get(url(Service.CLIENT, "/api/v1/clients/" + client.id())), 200);
        assertThat(record.getString("email")).isEqualTo(client.email());
    }

    @Test
    @Order(2)
    void a_registration_retried_with_its_idempotency_key_gets_the_first_answer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = clinic.registration("Robin", "robin-" + key.substring(0, 8) + "@example.com");
        Response first = as(clinic.staff).header("Idempotency-Key", key).body(body).post(url(Service.CLIENT, "/api/v1/clients"));
        Response retry = as(clinic.staff).header("Idempotency-Key", key).body(body).post(url(Service.CLIENT, "/api/v1/clients"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
    }

    @Test
    @Order(3)
    void availability_shows_the_longer_sessions_a_norwood_6_head_needs() {
        day1 = LocalDate.now(LONDON).plusDays(2);
        JsonPath availability = clinic.availabilityOnceKnown(client, day1);
        assertThat(availability.getLong("sessionMinutes")).isEqualTo(210);
        OffsetDateTime first = OffsetDateTime.parse(availability.getString("slots[0].startsAt"));
        assertThat(first.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(first.getOffset()).isEqualTo(LONDON.getRules().getOffset(first.toInstant()));
    }

    @Test
    @Order(4)
    void session_1_is_booked_checked_in_and_completed_with_its_pigment_record() {
        JsonPath booking = clinic.book(client, at(day1, "08:00"));
        assertThat(booking.getInt("sessionNumber")).isEqualTo(1);
        UUID id = booking.getUUID("id");
        sessions.add(id);
        clinic.complete(id, at(day1, "08:00"), 210);

        JsonPath record = ok(as(clinic.staff).get(url(Service.BOOKING, "/api/v1/bookings/" + id + "/session-record")), 200);
        assertThat(record.getInt("sessionNumber")).isEqualTo(1);
        assertThat(record.getString("pigment.lot")).isEqualTo("LOT-26-0042");
    }

    @Test
    @Order(5)
    void the_aftercare_reminders_appear_in_the_notification_log_and_the_day_0_email_arrives() {
        await().atMost(PATIENCE).until(() -> types(clinic.notifications(client.id())).containsAll(
                List.of("AFTERCARE_INSTRUCTIONS", "AFTERCARE_CHECK_IN", "HEALED", "NEXT_SESSION_PROMPT")));
        await().atMost(PATIENCE).until(() -> !Clinic.aftercareMailsTo(client.email()).isEmpty());
        MimeMessage mail = Clinic.aftercareMailsTo(client.email()).get(0);
        assertThat(GreenMailUtil.getBody(mail)).contains("Jordan");
    }

    @Test
    @Order(6)
    void session_2_six_days_later_is_refused_and_at_seven_days_accepted_which_suppresses_the_next_session_prompt() {
        Response tooEarly = clinic.bookResponse(client, at(day1.plusDays(6), "12:00"));
        assertThat(tooEarly.statusCode()).as(tooEarly.asString()).isIn(409, 422);
        assertThat(tooEarly.jsonPath().getString("type")).contains("healing");

        JsonPath booking = clinic.book(client, at(day1.plusDays(7), "12:00"));
        assertThat(booking.getInt("sessionNumber")).isEqualTo(2);
        sessions.add(booking.getUUID("id"));
        await().atMost(PATIENCE).until(() -> clinic.notifications(client.id()).stream()
                .filter(n -> "NEXT_SESSION_PROMPT".equals(n.get("type")))
                .allMatch(n -> List.of("SUPPRESSED", "CANCELLED").contains(n.get("status"))));
    }

    @Test
    @Order(7)
    void sessions_2_and_3_complete_and_a_top_up_is_scheduled_about_three_years_out() {
        clinic.complete(sessions.get(1), at(day1.plusDays(7), "12:00"), 210);
        JsonPath third = clinic.book(client, at(day1.plusDays(14), "16:00"));
        assertThat(third.getInt("sessionNumber")).isEqualTo(3);
        sessions.add(third.getUUID("id"));
        Instant completedAt = clinic.complete(third.getUUID("id"), at(day1.plusDays(14), "16:00"), 210);

        Map<String, Object> topUp = await().atMost(PATIENCE).until(() -> clinic.notifications(client.id()).stream()
                .filter(n -> "TOP_UP".equals(n.get("type"))).findFirst().orElse(null), n -> n != null);
        Instant due = Instant.parse((String) topUp.get("dueAt"));
        ZonedDateTime completed = completedAt.atZone(LONDON);
        assertThat(due).isAfter(completed.plusMonths(35).toInstant()).isBefore(completed.plusMonths(37).toInstant());
    }

    @Test
    @Order(8)
    void before_and_after_photos_are_uploaded_paired_published_and_listed_publicly() throws IOException {
        StippleSystem.moveClockTo(at(day1.plusDays(30), "12:00")); // the healed photo is taken a month on
        UUID before = upload("BEFORE", null, day1.minusDays(1), new Color(120, 90, 70));
        UUID after = upload("HEALED", 3, day1.plusDays(30), new Color(60, 50, 45));
        photos.add(before);
        photos.add(after);
        setId = UUID.fromString(ok(as(clinic.staff).body(Map.of("beforePhotoId", before.toString(), "afterPhotoId", after.toString()))
                .post(url(Service.GALLERY, "/api/v1/gallery/sets")), 201).getString("id"));
        String etag = as(clinic.staff).get(url(Service.GALLERY, "/api/v1/gallery/sets/" + setId)).header("ETag");
        Response submitted = as(clinic.staff).header("If-Match", etag)
                .post(url(Service.GALLERY, "/api/v1/gallery/sets/" + setId + "/submit"));
        ok(submitted, 200);
        ok(as(clinic.admin).header("If-Match", submitted.header("ETag"))
                .post(url(Service.GALLERY, "/api/v1/gallery/sets/" + setId + "/publish")), 200);

        Response listed = given().get(url(Service.GALLERY, "/api/v1/gallery/public/sets?clinicId=" + clinic.id));
        assertThat(listed.jsonPath().getList("items.id")).contains(setId.toString());
        assertThat(listed.asString()).doesNotContain(client.id().toString()).doesNotContain(client.email())
                .doesNotContain("Jordan");
        given().get(url(Service.GALLERY, "/api/v1/gallery/public/sets/" + setId + "/images/after")).then().statusCode(200);
    }

    @Test
    @Order(9)
    void the_client_withdraws_gallery_consent_and_the_set_disappears_from_the_public_gallery() {
        ok(as(client.token()).body(Map.of("scope", "PUBLIC_GALLERY"))
                .post(url(Service.CLIENT, "/api/v1/clients/" + client.id() + "/consents/withdrawals")), 200, 201);

        await().atMost(PATIENCE).until(() -> !given().get(url(Service.GALLERY, "/api/v1/gallery/public/sets?clinicId=" + clinic.id))
                .jsonPath().getList("items.id").contains(setId.toString()));
        given().get(url(Service.GALLERY, "/api/v1/gallery/public/sets/" + setId + "/images/after")).then().statusCode(404);
    }

    @Test
    @Order(10)
    void the_client_shares_with_a_registered_partner_who_sees_them_until_the_client_withdraws() {
        String clients = "/api/v1/clients/" + client.id();
        String partnerId = "journey-partner-" + clinic.id.toString().substring(0, 8);
        // sharing names a partner the clinic has registered, never free text
        Response unknown = as(client.token()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", "not-registered-"
                        + partnerId, "textVersion", "partner-sharing-2026-01"))
                .post(url(Service.CLIENT, clients + "/consents"));
        assertThat(unknown.statusCode()).as(unknown.asString()).isEqualTo(422);
        assertThat(unknown.jsonPath().getString("type")).endsWith("/unknown-partner");

        String partner = clinic.registerPartner(partnerId, "Hairline Studio Manchester");
        Response before = as(partner).get(url(Service.CLIENT, clients));
        assertThat(before.statusCode()).as("not shared yet: " + before.asString()).isIn(403, 404);
        assertThat(before.asString()).doesNotContain(client.email());

        ok(as(client.token()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId,
                "textVersion", "partner-sharing-2026-01")).post(url(Service.CLIENT, clients + "/consents")), 201);
        assertThat(ok(as(partner).get(url(Service.CLIENT, clients)), 200).getString("email")).isEqualTo(client.email());
        // booking-service learns the sharing from ConsentGranted
        await().atMost(PATIENCE).until(() -> partnerBookings(partner).contains(client.id().toString()));

        ok(as(client.token()).body(Map.of("scope", "PARTNER_SHARING", "partnerId", partnerId))
                .post(url(Service.CLIENT, clients + "/consents/withdrawals")), 200, 201);
        Response after = as(partner).get(url(Service.CLIENT, clients));
        assertThat(after.statusCode()).as("withdrawn: " + after.asString()).isIn(403, 404);
        assertThat(after.asString()).doesNotContain(client.email());
        // ... and from ConsentWithdrawn
        await().atMost(PATIENCE).until(() -> !partnerBookings(partner).contains(client.id().toString()));
    }

    /** The bookings a partner token lists (the raw body: only what is shared with it may appear). */
    private static String partnerBookings(String partner) {
        Response r = as(partner).queryParam("size", 100).get(url(Service.BOOKING, "/api/v1/bookings"));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.asString();
    }

    @Test
    @Order(11)
    void the_client_exports_their_data() throws IOException {
        Response export = as(client.token()).get(url(Service.CLIENT, "/api/v1/clients/" + client.id() + "/export"));
        ok(export, 200);
        assertThat(export.asString()).contains(client.email()).contains(client.planId().toString()).contains("PUBLIC_GALLERY");

        // everything the four services hold, in one request: JSON of each service plus the photos' images
        List<String> reminders = clinic.notifications(client.id()).stream().map(n -> (String) n.get("id")).toList();
        assertThat(reminders).isNotEmpty();
        String archivePath = "/api/v1/clients/" + client.id() + "/export/archive";
        Response archive = given().auth().oauth2(client.token()).get(url(Service.CLIENT, archivePath));
        assertThat(archive.statusCode()).as(archive.asString()).isEqualTo(200);
        assertThat(archive.contentType()).startsWith("application/zip");
        Map<String, byte[]> files = unzip(archive.asByteArray());
        System.out.println("ClientJourneyIT export archive: " + files.size() + " files, " + archive.asByteArray().length
                + " bytes: " + files.keySet());

        JsonPath manifest = json(files, "manifest.json");
        assertThat(manifest.getString("clientId")).isEqualTo(client.id().toString());
        assertThat(manifest.getString("clinicId")).isEqualTo(clinic.id.toString());
        assertThat(manifest.getList("services.service", String.class))
                .containsExactly("client-service", "booking-service", "gallery-service", "notification-service");
        assertThat(manifest.getList("services.status", String.class)).containsOnly("INCLUDED");

        assertThat(new String(files.get("client-service.json"), StandardCharsets.UTF_8)).contains(client.email());
        assertThat(json(files, "booking-service.json").getList("bookings.id", String.class))
                .containsAll(sessions.stream().map(UUID::toString).toList());
        assertThat(json(files, "gallery-service.json").getList("photos.id", String.class))
                .containsExactlyInAnyOrderElementsOf(photos.stream().map(UUID::toString).toList());
        for (UUID photo : photos) {
            byte[] image = files.get("photos/" + photo + ".jpg");
            assertThat(image).as("photos/" + photo + ".jpg").isNotNull();
            assertThat(image[0]).isEqualTo((byte) 0xFF);
            assertThat(image[1]).isEqualTo((byte) 0xD8); // a JPEG
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            assertThat(decoded.getWidth()).isEqualTo(640);
            assertThat(decoded.getHeight()).isEqualTo(480);
        }
        JsonPath notifications = json(files, "notification-service.json");
        assertThat(notifications.getString("contact.email")).isEqualTo(client.email());
        assertThat(notifications.getList("reminders.entry.id", String.class)).containsAll(reminders);

        // another clinic's staff gets nothing, not even that the client exists
        Response elsewhere = given().auth().oauth2(StippleSystem.staff(UUID.randomUUID())).get(url(Service.CLIENT, archivePath));
        assertThat(elsewhere.statusCode()).as(elsewhere.asString()).isEqualTo(404);
        assertThat(elsewhere.asString()).doesNotContain(client.email());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static JsonPath json(Map<String, byte[]> files, String name) {
        assertThat(files).as("archive files").containsKey(name);
        return new JsonPath(new String(files.get(name), StandardCharsets.UTF_8));
    }

    @Test
    @Order(12)
    void erasure_removes_the_client_from_all_four_services() {
        given().auth().oauth2(clinic.admin).delete(url(Service.CLIENT, "/api/v1/clients/" + client.id())).then().statusCode(204);

        as(clinic.staff).get(url(Service.CLIENT, "/api/v1/clients/" + client.id())).then().statusCode(404);
        // the unfiltered lists no longer name the client (a list filtered by an erased client may also be refused as
        // unknown-client, so it is the whole clinic's list that is read)
        await().atMost(PATIENCE).until(() -> !clinicList(Service.BOOKING, "/api/v1/bookings").contains(client.id().toString()));
        await().atMost(PATIENCE).until(() -> clinic.notifications(client.id()).isEmpty());
        await().atMost(PATIENCE).until(() -> !clinicList(Service.GALLERY, "/api/v1/gallery/photos").contains(client.id().toString()));
        as(clinic.staff).get(url(Service.GALLERY, "/api/v1/gallery/sets/" + setId)).then().statusCode(404);
        for (UUID booking : sessions) {
            String json = as(clinic.staff).get(url(Service.BOOKING, "/api/v1/bookings/" + booking)).asString();
            assertThat(json).doesNotContain(client.id().toString());
        }
    }

    /** A clinic-wide list as staff (first 100 items), as raw JSON. */
    private static String clinicList(Service service, String path) {
        Response r = as(clinic.staff).queryParam("size", 100).get(url(service, path));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.asString();
    }

    private static List<Object> types(List<Map<String, Object>> notifications) {
        return notifications.stream().map(n -> n.get("type")).toList();
    }

    private static UUID upload(String phase, Integer sessionNumber, LocalDate takenOn, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.drawString(phase + " " + UUID.randomUUID(), 20, 240);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        // gallery-service learns the photo consent from client-service's events: retry until it has
        Response[] last = new Response[1];
        Response uploaded = await().atMost(PATIENCE).until(() -> {
            RequestSpecification request = given().auth().oauth2(clinic.staff)
                    .multiPart("file", phase.toLowerCase() + ".jpg", bytes, "image/jpeg")
                    .multiPart("clientId", client.id().toString())
                    .multiPart("phase", phase)
                    .multiPart("angle", "FRONT")
                    .multiPart("takenAt", takenOn.atTime(10, 0).atZone(LONDON).toInstant().toString());
            if (sessionNumber != null) {
                request = request.multiPart("sessionNumber", sessionNumber.toString());
            }
            last[0] = request.post(url(Service.GALLERY, "/api/v1/gallery/photos"));
            if (last[0].statusCode() != 201) {
                System.out.println("upload " + phase + " not yet accepted: " + last[0].statusCode() + " " + last[0].asString());
            }
            return last[0];
        }, r -> r.statusCode() == 201);
        return UUID.fromString(uploaded.jsonPath().getString("id"));
    }
}
