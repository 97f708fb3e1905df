package io.stipple.journey;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stipple.stack.Service;
import jakarta.mail.internet.MimeMessage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clinic of its own, driven the way its front desk and front end would: over the services' HTTP APIs with
 * its admin's and staff's tokens. Open every day 07:00–21:00 in London with one technician and one room, so the
 * journeys choose their times freely.
 */
final class Clinic {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration PATIENCE = Duration.ofSeconds(90);

    final UUID id = UUID.randomUUID();
    final String admin = StippleSystem.admin(id);
    final String staff = StippleSystem.staff(id);
    UUID technicianId;
    UUID smpTreatmentId;

    /** A registered client of this clinic with an agreed plan. */
    record Client(UUID id, String email, String firstName, UUID planId, String token) {
    }

    static String url(Service service, String path) {
        return StippleSystem.baseUrl(service) + path;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static JsonPath ok(Response response, int... statuses) {
        for (int s : statuses) {
            if (s == response.statusCode()) {
                return response.jsonPath();
            }
        }
        throw new AssertionError(response.getStatusLine() + " (expected " + Arrays.toString(statuses) + "): "
                + response.asString());
    }

    static Instant at(LocalDate date, String localTime) {
        return ZonedDateTime.of(date, LocalTime.parse(localTime), LONDON).toInstant();
    }

    /** Profile, opening hours, catalogue (consultation, SMP with longer sessions for Norwood 6–7), a room, a technician. */
    Clinic setUp() {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("weekday", day, "opens", "07:00", "closes", "21:00"));
        }
        ok(as(admin).body(Map.of(
                        "name", "Journey Clinic " + id.toString().substring(0, 4),
                        "address", Map.of("line1", "1 Test Street", "city", "London", "postcode", "N1 1AA", "country", "GB"),
                        "timeZone", "Europe/London", "currency", "GBP", "openingHours", hours,
                        "cancellationNoticeHours", 24))
                .put(url(Service.BOOKING, "/api/v1/clinics/" + id)), 201);
        ok(as(admin).body(Map.of("kind", "CONSULTATION", "name", "Consultation", "baseDurationMinutes", 45,
                        "bufferMinutes", 15, "price", Map.of("amountMinor", 0, "currency", "GBP"), "active", true))
                .post(url(Service.BOOKING, "/api/v1/treatments")), 201);
        smpTreatmentId = UUID.fromString(ok(as(admin).body(Map.of("kind", "SMP_SESSION", "treatmentType", "PERMANENT_SMP",
                        "name", "SMP session", "baseDurationMinutes", 150, "bufferMinutes", 30,
                        "price", Map.of("amountMinor", 65_000, "currency", "GBP"), "healingIntervalDays", 7,
                        "durationRules", List.of(Map.of("stages", List.of("6", "7"), "durationMinutes", 210)),
                        "active", true))
                .post(url(Service.BOOKING, "/api/v1/treatments")), 201).getString("id"));
        ok(as(admin).body(Map.of("name", "Room A", "active", true))
                .post(url(Service.BOOKING, "/api/v1/clinics/" + id + "/rooms")), 201);
        technicianId = UUID.fromString(ok(as(admin).body(Map.of("displayName", "Alex Morgan",
                        "email", "alex-" + id.toString().substring(0, 8) + "@journey.example",
                        "treatmentIds", List.of(smpTreatmentId.toString()), "workingHours", hours, "active", true))
                .post(url(Service.BOOKING, "/api/v1/clinics/" + id + "/technicians")), 201).getString("id"));
        return this;
    }

    Map<String, Object> registration(String firstName, String email) {
        return Map.of("firstName", firstName, "lastName", "Blake", "email", email,
                "phone", "+4479111" + String.format("%05d", Math.floorMod(email.hashCode(), 100000)),
                "dateOfBirth", "1984-06-02", "sex", "MALE", "timeZone", "Europe/London", "locale", "en-GB",
                "preferredChannels", List.of("EMAIL"), "marketingOptIn", false);
    }

    /** Registers a Norwood 6 client, screens them eligible, records consents and agrees a 3-session SMP plan. */
    Client clientWithAgreedPlan(String firstName, List<String> consents) {
        return clientWithAgreedPlan(firstName, consents, Map.of());
    }

    /**
     * As {@link #clientWithAgreedPlan(String, List)}, the plan proposed with these extra fields (e.g. a healing interval
     * below the minimum with {@code healingIntervalOverrideReason}, which the admin proposes).
     */
    Client clientWithAgreedPlan(String firstName, List<String> consents, Map<String, Object> planFields) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID clientId = UUID.fromString(ok(as(staff).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(registration(firstName, email)).post(url(Service.CLIENT, "/api/v1/clients")), 201).getString("id"));
        String base = "/api/v1/clients/" + clientId;
        ok(as(staff).body(Map.of("scale", "NORWOOD", "stage", "6", "condition", "ANDROGENETIC", "coveragePercent", 70,
                        "fitzpatrickType", 3, "hairColour", "dark brown", "desiredLook", "SHAVED_FOLLICLE_REPLICATION"))
                .post(url(Service.CLIENT, base + "/assessments")), 201);
        JsonPath screening = ok(as(staff).body(Map.of("allergies", List.of(), "pigmentAllergy", false, "keloidTendency", false,
                        "bloodThinners", false, "psoriasis", false, "eczema", false, "activeScalpInfection", false,
                        "pregnant", false, "guardianConsent", false))
                .post(url(Service.CLIENT, base + "/screenings")), 201);
        assertThat(screening.getString("eligibility")).isEqualTo("ELIGIBLE");
        for (String scope : consents) {
            ok(as(staff).body(Map.of("scope", scope, "textVersion", scope.toLowerCase() + "-2026-01"))
                    .post(url(Service.CLIENT, base + "/consents")), 201);
        }
        Map<String, Object> plan = new java.util.LinkedHashMap<>(Map.of("treatmentType", "PERMANENT_SMP", "plannedSessions", 3,
                "hairlineDesignNotes", "Soft, slightly receded hairline 7 cm above the brow"));
        plan.putAll(planFields);
        UUID planId = UUID.fromString(ok(as(planFields.isEmpty() ? staff : admin).body(plan)
                .post(url(Service.CLIENT, base + "/plans")), 201).getString("id"));
        JsonPath agreed = ok(as(staff).post(url(Service.CLIENT, base + "/plans/" + planId + "/agreement")), 200);
        assertThat(agreed.getString("status")).isEqualTo("AGREED");
        return new Client(clientId, email, firstName, planId, StippleSystem.client(id, clientId));
    }

    /** Availability for the client once booking-service has projected the agreed plan (the events take a moment). */
    JsonPath availabilityOnceKnown(Client client, LocalDate from) {
        return await().atMost(PATIENCE).until(() -> {
            Response r = as(staff).queryParam("treatmentId", smpTreatmentId.toString()).queryParam("clientId", client.id().toString())
                    .queryParam("from", from.toString()).queryParam("to", from.plusDays(6).toString())
                    .get(url(Service.BOOKING, "/api/v1/availability"));
            return r.statusCode() == 200 ? r.jsonPath() : null;
        }, a -> a != null && !a.getList("slots").isEmpty());
    }

    /**
     * Books as staff. booking-service refuses a client it has not learnt of yet (422 {@code unknown-client}, until it
     * has projected {@code ClientRegistered}): that answer is retried; any other is returned.
     */
    Response bookResponse(Client client, Instant startsAt) {
        return await("booking-service knows client " + client.id()).atMost(PATIENCE).until(() -> as(staff)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("clientId", client.id().toString(), "treatmentId", smpTreatmentId.toString(),
                                "technicianId", technicianId.toString(), "startsAt", startsAt.toString()))
                        .post(url(Service.BOOKING, "/api/v1/bookings")),
                r -> !(r.statusCode() == 422 && r.asString().contains("unknown-client")));
    }

    /**
     * Registers a partner of this clinic (client-service, admin) and waits until all four services accept its token
     * (they learn partners from {@code PartnerRegistered}); returns the partner's token.
     */
    String registerPartner(String partnerId, String name) {
        JsonPath registered = ok(as(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("partnerId", partnerId, "name", name)).post(url(Service.CLIENT, "/api/v1/partners")), 201);
        assertThat(registered.getString("partnerId")).isEqualTo(partnerId);
        assertThat(registered.getString("status")).isEqualTo("ACTIVE");
        Fixtures.awaitPartnerAccepted(id, partnerId);
        return StippleSystem.partner(id, partnerId);
    }

    JsonPath book(Client client, Instant startsAt) {
        JsonPath booking = ok(bookResponse(client, startsAt), 201);
        assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
        return booking;
    }

    /** Moves the shared clock to just before the start, checks in, moves past the end and completes; returns completedAt. */
    Instant complete(UUID booking, Instant startsAt, int minutes) {
        StippleSystem.moveClockTo(startsAt.minus(30, ChronoUnit.MINUTES));
        String etag = as(staff).get(url(Service.BOOKING, "/api/v1/bookings/" + booking)).header("ETag");
        Response checkedIn = as(staff).header("If-Match", etag).post(url(Service.BOOKING, "/api/v1/bookings/" + booking + "/check-in"));
        ok(checkedIn, 200);
        StippleSystem.moveClockTo(startsAt.plus(minutes + 5, ChronoUnit.MINUTES));
        JsonPath done = ok(as(staff).header("If-Match", checkedIn.header("ETag"))
                .body(Map.of("areasTreated", List.of("HAIRLINE", "CROWN", "TEMPLES"),
                        "pigment", Map.of("brand", "Perma Blend", "shade", "SMP Dark 2", "dilution", "1:3",
                                "lot", "LOT-26-0042", "expiry", LocalDate.now().plusYears(1).toString()),
                        "needleConfiguration", "3RL 0.18 mm", "actualDurationMinutes", minutes,
                        "technicianNotes", "Even density; client tolerated well"))
                .post(url(Service.BOOKING, "/api/v1/bookings/" + booking + "/complete")), 200);
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        return Instant.parse(done.getString("completedAt"));
    }

    /** The client's delivery log (empty while notification-service does not know them). */
    List<Map<String, Object>> notifications(UUID clientId) {
        Response r = as(staff).queryParam("clientId", clientId.toString()).queryParam("size", 100)
                .get(url(Service.NOTIFICATION, "/api/v1/notifications"));
        return r.statusCode() == 200 ? r.jsonPath().getList("items") : List.of();
    }

    /** The day-0 aftercare e-mails the client received (the appointment reminders are e-mails too). */
    static List<MimeMessage> aftercareMailsTo(String address) {
        return mailsTo(address).stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().startsWith("Your aftercare");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        try {
            for (MimeMessage m : StippleSystem.smtp().getReceivedMessages()) {
                if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
                    mails.add(m);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    /**
     * Uploads a small BEFORE photo of the client as staff, taken yesterday; the image carries {@code label}, so two
     * uploads with the same label are the same image (409 duplicate-photo) and different labels different images.
     */
    Response uploadPhoto(UUID clientId, String label) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(80, 60, 50));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.WHITE);
        g.drawString(label, 10, 60);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return given().auth().oauth2(staff)
                .multiPart("file", "before.jpg", jpeg.toByteArray(), "image/jpeg")
                .multiPart("clientId", clientId.toString())
                .multiPart("phase", "BEFORE")
                .multiPart("angle", "FRONT")
                .multiPart("takenAt", StippleSystem.now().minus(Duration.ofDays(1)).toString())
                .post(url(Service.GALLERY, "/api/v1/gallery/photos"));
    }
}
