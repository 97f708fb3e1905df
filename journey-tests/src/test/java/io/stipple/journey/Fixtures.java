package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.stack.Service;
import org.awaitility.Awaitility;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.stipple.journey.OpenApi.JSON;

/**
 * A fresh clinic with real records in every service, created over the public APIs: profile, treatments, a room and
 * a technician (booking-service); two clients with assessment, screening, consents and an agreed plan
 * (client-service); a booking of the second client; two photos of them paired into a set (gallery-service); a webhook
 * subscription (notification-service). {@link #ids} maps the path parameters of the OpenAPI documents to these ids.
 */
public final class Fixtures {

    public final UUID clinicId = UUID.randomUUID();
    public final String admin = StippleSystem.admin(clinicId);
    public final String staff = StippleSystem.staff(clinicId);
    /** The client whose records the attacks aim at ("the victim"). */
    public UUID victim;
    /** Another client of the same clinic ("the attacker" when holding a client token). */
    public UUID other;
    /** Path parameter name (normalised, see {@link #key}) to a real id of this clinic. */
    public final Map<String, String> ids = new LinkedHashMap<>();
    /** What could not be created (an API refused or is missing); the sweeps fall back to random ids there. */
    public final List<String> missing = new ArrayList<>();
    private final String tag;

    private Fixtures(String label) {
        this.tag = label + "-" + clinicId.toString().substring(0, 8);
    }

    /** Creates the clinic and its records; fails if the core records (clinic, clients) cannot be created. */
    public static Fixtures create(String label) {
        Fixtures f = new Fixtures(label);
        f.build();
        return f;
    }

    public String clientToken(UUID clientId) {
        return StippleSystem.client(clinicId, clientId);
    }

    /** The fixture key of a path parameter: {@code clientId} as is; a bare {@code id} after {@code /photos/} → photoId. */
    public static String key(OpenApi.Operation op, String param) {
        if (!"id".equals(param)) {
            return param;
        }
        String before = op.path().substring(0, op.path().indexOf("{" + param + "}"));
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        String singular = segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
        return singular + "Id";
    }

    /** Path values for an operation: this clinic's real ids where known, random UUIDs elsewhere. */
    public Map<String, String> pathValues(OpenApi.Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : op.pathParameterNames()) {
            String v = ids.get(key(op, p));
            if (v == null) {
                JsonNode schema = op.parameters("path").stream().filter(x -> p.equals(x.path("name").asText()))
                        .findFirst().map(x -> x.path("schema")).orElse(null);
                JsonNode ex = schema == null ? null : OpenApi.example(op.doc(), schema, 0);
                v = ex != null && ex.isValueNode() && !"uuid".equals(op.resolve(schema).path("format").asText())
                        ? ex.asText() : UUID.randomUUID().toString();
            }
            values.put(p, v);
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        String booking = StippleSystem.baseUrl(Service.BOOKING);
        String clients = StippleSystem.baseUrl(Service.CLIENT);
        ids.put("clinicId", clinicId.toString());

        ObjectNode clinic = JSON.createObjectNode();
        clinic.put("name", "Attack & Fuzz Clinic " + tag);
        clinic.putObject("address").put("line1", "1 Test Street").put("city", "London").put("postcode", "W1A 1AA")
                .put("country", "GB");
        clinic.put("timeZone", "Europe/London").put("currency", "GBP").put("cancellationNoticeHours", 24);
        for (DayOfWeek d : DayOfWeek.values()) {
            clinic.withArray("openingHours").add(JSON.createObjectNode().put("weekday", d.name()).put("opens", "07:00")
                    .put("closes", "21:00"));
        }
        require(Http.put(booking + "/api/v1/clinics/" + clinicId).token(admin).json(clinic.toString()).send(), 201, 200);

        UUID consultation = createId(Http.post(booking + "/api/v1/treatments").token(admin).json("""
                {"kind":"CONSULTATION","name":"Consultation","baseDurationMinutes":30,"bufferMinutes":0,
                 "price":{"amountMinor":0,"currency":"GBP"},"active":true}"""), "treatmentId");
        UUID session = createId(Http.post(booking + "/api/v1/treatments").token(admin).json("""
                {"kind":"SMP_SESSION","treatmentType":"PERMANENT_SMP","name":"SMP session","baseDurationMinutes":120,
                 "bufferMinutes":15,"price":{"amountMinor":60000,"currency":"GBP"},"healingIntervalDays":7,"active":true}"""),
                null);
        createId(Http.post(booking + "/api/v1/clinics/" + clinicId + "/rooms").token(admin).json("""
                {"name":"Room 1","active":true}"""), "roomId");
        ObjectNode tech = JSON.createObjectNode().put("displayName", "Tech " + tag).put("email", "tech@" + tag + ".example")
                .put("active", true);
        tech.putArray("treatmentIds").add(String.valueOf(consultation)).add(String.valueOf(session));
        for (DayOfWeek d : DayOfWeek.values()) {
            tech.withArray("workingHours").add(JSON.createObjectNode().put("weekday", d.name()).put("opens", "07:00")
                    .put("closes", "21:00"));
        }
        UUID technician = createId(Http.post(booking + "/api/v1/clinics/" + clinicId + "/technicians").token(admin)
                .json(tech.toString()), "technicianId");
        createId(Http.post(booking + "/api/v1/clinics/" + clinicId + "/closures").token(admin).json("""
                {"firstDay":"%s","lastDay":"%s","reason":"Staff training"}""".formatted(
                today().plusDays(300), today().plusDays(301))), "closureId");
        if (technician != null) {
            createId(Http.post(booking + "/api/v1/clinics/" + clinicId + "/technicians/" + technician + "/time-off")
                    .token(admin).json("""
                            {"startsAt":"%s","endsAt":"%s","reason":"Course"}""".formatted(
                            StippleSystem.now().plus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
                            StippleSystem.now().plus(201, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS))), "timeOffId");
        }

        other = registerClient(clients, "Olivia", "Other");
        victim = registerClient(clients, "Victor", "Victim");
        ids.put("clientId", victim.toString());
        String base = clients + "/api/v1/clients/" + victim;
        createId(Http.post(base + "/assessments").token(staff).json("""
                {"scale":"NORWOOD","stage":"6","condition":"ANDROGENETIC","coveragePercent":70,"fitzpatrickType":3,
                 "hairColour":"dark brown","desiredLook":"SHAVED_FOLLICLE_REPLICATION"}"""), "assessmentId");
        createId(Http.post(base + "/screenings").token(staff).json("""
                {"allergies":[],"pigmentAllergy":false,"keloidTendency":false,"bloodThinners":false,"psoriasis":false,
                 "eczema":false,"activeScalpInfection":false,"pregnant":false,"guardianConsent":false}"""), "screeningId");
        for (String scope : List.of("TREATMENT", "CLINICAL_PHOTOS", "PUBLIC_GALLERY")) {
            send(Http.post(base + "/consents").token(staff).json("""
                    {"scope":"%s","textVersion":"v1"}""".formatted(scope)), "consent " + scope, 201);
        }
        UUID plan = createId(Http.post(base + "/plans").token(staff).json("""
                {"treatmentType":"PERMANENT_SMP","plannedSessions":3,"healingIntervalDays":7,
                 "hairlineDesignNotes":"Soft adult hairline"}"""), "planId");
        if (plan != null) {
            send(Http.post(base + "/plans/" + plan + "/agreement").token(staff), "plan agreement", 200);
        }

        if (consultation != null && technician != null) {
            bookConsultation(booking, consultation, technician);
        }
        uploadPhotosAndSet();
        createId(Http.post(StippleSystem.baseUrl(Service.NOTIFICATION) + "/api/v1/webhooks").token(admin).json("""
                {"url":"https://203.0.113.10/stipple/webhooks","eventTypes":["BookingConfirmed"],
                 "description":"fixture"}"""), "webhookId");
        if (!missing.isEmpty()) {
            System.out.println("Fixtures " + tag + ": not created (random ids used instead): " + missing);
        }
    }

    private UUID registerClient(String clients, String first, String last) {
        String email = (first + "." + last + "." + tag + "@example.com").toLowerCase(Locale.ROOT);
        Http.Reply r = Http.post(clients + "/api/v1/clients").token(staff).json("""
                {"firstName":"%s","lastName":"%s","email":"%s","dateOfBirth":"1985-05-05","sex":"MALE",
                 "timeZone":"Europe/London","locale":"en-GB","preferredChannels":["EMAIL"],"marketingOptIn":false}"""
                .formatted(first, last, email)).send();
        require(r, 201);
        return UUID.fromString(json(r).path("id").asText());
    }

    private void bookConsultation(String booking, UUID treatment, UUID technician) {
        // the booking service learns of the client from ClientRegistered: retry until its projection has it
        AtomicReference<Http.Reply> last = new AtomicReference<>();
        try {
            Awaitility.await("booking of the fixture client").atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        Http.Reply slots = Http.get(booking + "/api/v1/availability?treatmentId=" + treatment + "&clientId="
                                + victim + "&technicianId=" + technician + "&from=" + today().plusDays(2) + "&to="
                                + today().plusDays(9)).token(staff).send();
                        last.set(slots);
                        if (slots.status() != 200 || json(slots).path("slots").isEmpty()) return false;
                        String startsAt = json(slots).path("slots").get(0).path("startsAt").asText();
                        Http.Reply r = Http.post(booking + "/api/v1/bookings").token(staff).json("""
                                {"clientId":"%s","treatmentId":"%s","technicianId":"%s","startsAt":"%s"}"""
                                .formatted(victim, treatment, technician, startsAt)).send();
                        last.set(r);
                        if (r.status() == 201) {
                            ids.put("bookingId", json(r).path("id").asText());
                            return true;
                        }
                        return false;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            missing.add("booking: " + (last.get() == null ? "no reply" : last.get().describe()));
        }
    }

    private void uploadPhotosAndSet() {
        String gallery = StippleSystem.baseUrl(Service.GALLERY);
        // the gallery learns of the CLINICAL_PHOTOS consent from ConsentGranted: retry until its projection has it
        AtomicReference<Http.Reply> last = new AtomicReference<>();
        List<String> photos = new ArrayList<>();
        try {
            Awaitility.await("photos of the fixture client").atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        while (photos.size() < 2) {
                            boolean before = photos.isEmpty();
                            Http.Reply r = upload(gallery, before ? "BEFORE" : "AFTER",
                                    StippleSystem.now().minus(before ? 30 : 1, ChronoUnit.DAYS), before ? Color.DARK_GRAY : Color.GRAY);
                            last.set(r);
                            if (r.status() != 201) return false;
                            photos.add(json(r).path("id").asText());
                        }
                        return true;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            missing.add("photo: " + (last.get() == null ? "no reply" : last.get().describe()));
            return;
        }
        ids.put("photoId", photos.get(0));
        createId(Http.post(gallery + "/api/v1/gallery/sets").token(staff).json("""
                {"beforePhotoId":"%s","afterPhotoId":"%s"}""".formatted(photos.get(0), photos.get(1))), "setId");
    }

    private Http.Reply upload(String gallery, String phase, Instant takenAt, Color colour) {
        String boundary = "----stipple" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientId", victim.toString());
        fields.put("phase", phase);
        fields.put("angle", "FRONT");
        fields.put("takenAt", takenAt.truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\nContent-Type: text/plain\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + phase
                    + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(png(colour, phase));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Http.post(gallery + "/api/v1/gallery/photos").token(staff)
                .body("multipart/form-data; boundary=" + boundary, body.toByteArray()).send();
    }

    /** A small PNG, different for each call (the gallery refuses exact duplicates). */
    static byte[] png(Color colour, String text) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.drawString(text + " " + UUID.randomUUID(), 10, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Today as the services see it (their clock may have been moved by a journey test). */
    private static LocalDate today() {
        return LocalDate.ofInstant(StippleSystem.now(), java.time.ZoneOffset.UTC);
    }

    /** Sends a creating request; on 201 records the new id under {@code key} (if given) and returns it. */
    private UUID createId(Http.Request request, String key) {
        Http.Reply r = request.send();
        if (r.status() != 201) {
            missing.add((key == null ? "record" : key) + ": " + r.describe());
            return null;
        }
        UUID id = UUID.fromString(json(r).path("id").asText());
        if (key != null) {
            ids.put(key, id.toString());
        }
        return id;
    }

    private void send(Http.Request request, String what, int expected) {
        Http.Reply r = request.send();
        if (r.status() != expected) {
            missing.add(what + ": " + r.describe());
        }
    }

    private static void require(Http.Reply r, int... expected) {
        for (int e : expected) {
            if (r.status() == e) return;
        }
        throw new AssertionError("fixture set-up failed: " + r.describe());
    }

    static JsonNode json(Http.Reply r) {
        try {
            return r.body() == null || r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
