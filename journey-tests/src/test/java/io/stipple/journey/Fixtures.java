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
 * a technician (booking-service); three registered partners (client-service: {@link #sharedPartner}, which the victim
 * shares with, {@link #unsharedPartner}, which only the other client shares with, and {@link #pathPartner}, which no
 * token of the sweeps holds and which stands in {@code /partners/{id}}); two clients, the victim with assessment,
 * screening, consents (partner sharing included) and an agreed plan; a consultation booking of the victim; two photos
 * of them paired into a set (gallery-service); the admin's webhook subscription (notification-service, created
 * before the booking, so it has a delivery). {@link #ids} maps the path parameters of the OpenAPI documents to these
 * ids.
 *
 * <p>Partners must be registered by the clinic before their tokens work anywhere (403 {@code partner-not-registered});
 * the other services learn them from {@code PartnerRegistered}, so {@link #awaitPartnersAccepted()} waits until all
 * four services accept the fixture's partner tokens. A booking waits until booking-service knows the client (422
 * {@code unknown-client} until {@code ClientRegistered} is projected).
 */
public final class Fixtures {

    public final UUID clinicId = UUID.randomUUID();
    public final String admin = StippleSystem.admin(clinicId);
    public final String staff = StippleSystem.staff(clinicId);
    /** A partner registered by this clinic that the victim shares with (PARTNER_SHARING consent). */
    public final String sharedPartner;
    /** A partner registered by this clinic that the victim does not share with (the other client does). */
    public final String unsharedPartner;
    /** A partner registered by this clinic only, whose token nobody uses: the {@code /partners/{id}} path value. */
    public final String pathPartner;
    /** The client whose records the attacks aim at ("the victim"). */
    public UUID victim;
    /** The victim's e-mail address (unique: a leak of it is a leak of the victim). */
    public String victimEmail;
    /** The victim's two photos (before, after), paired into the set {@code ids.get("setId")}. */
    public final List<String> photos = new ArrayList<>();
    /** Another client of the same clinic ("the attacker" when holding a client token). */
    public UUID other;
    /** Path parameter name (normalised, see {@link #key}) to a real id of this clinic. */
    public final Map<String, String> ids = new LinkedHashMap<>();
    /** What could not be created (an API refused or is missing); the sweeps fall back to random ids there. */
    public final List<String> missing = new ArrayList<>();
    private final String tag;

    private Fixtures(String label, String sharedPartnerId) {
        this.tag = label + "-" + clinicId.toString().substring(0, 8);
        String lower = tag.toLowerCase(Locale.ROOT);
        this.sharedPartner = sharedPartnerId != null ? sharedPartnerId : "shared-" + lower;
        this.unsharedPartner = "unshared-" + lower;
        this.pathPartner = "listed-" + lower;
    }

    /** Creates the clinic and its records; fails if the core records (clinic, clients) cannot be created. */
    public static Fixtures create(String label) {
        return create(label, null);
    }

    /**
     * As {@link #create(String)}, with the shared partner's id given: a second clinic registering the same partner id
     * as the first is how "a partner of another clinic with the same partner_id" is made.
     */
    public static Fixtures create(String label, String sharedPartnerId) {
        Fixtures f = new Fixtures(label, sharedPartnerId);
        f.build();
        return f;
    }

    public String clientToken(UUID clientId) {
        return StippleSystem.client(clinicId, clientId);
    }

    public String partnerToken(String partnerId) {
        return StippleSystem.partner(clinicId, partnerId);
    }

    /** Waits until every service accepts the shared and the unshared partner's tokens (they learn partners from events). */
    public void awaitPartnersAccepted() {
        awaitPartnerAccepted(clinicId, sharedPartner);
        awaitPartnerAccepted(clinicId, unsharedPartner);
    }

    /**
     * Registers a partner for a clinic on client-service ({@code POST /api/v1/partners}, admin token); 201, or 409 when
     * it is registered already. Returns the reply.
     */
    public static Http.Reply registerPartner(String adminToken, String partnerId, String name) {
        return Http.post(StippleSystem.baseUrl(Service.CLIENT) + "/api/v1/partners").token(adminToken)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(JSON.createObjectNode().put("partnerId", partnerId).put("name", name).toString()).send();
    }

    /**
     * Waits until all four services accept a partner token of this clinic and partner id: client-service registers
     * partners itself; booking, notification and gallery learn them from {@code PartnerRegistered}, and refuse the
     * token with 403 {@code partner-not-registered} until then.
     */
    public static void awaitPartnerAccepted(UUID clinicId, String partnerId) {
        String token = StippleSystem.partner(clinicId, partnerId);
        Map<Service, String> probes = new LinkedHashMap<>();
        probes.put(Service.CLIENT, "/api/v1/clients?size=1");
        probes.put(Service.BOOKING, "/api/v1/treatments?size=1");
        probes.put(Service.NOTIFICATION, "/api/v1/webhooks?size=1");
        probes.put(Service.GALLERY, "/api/v1/gallery/public/sets?size=1");
        AtomicReference<Http.Reply> last = new AtomicReference<>();
        probes.forEach((service, path) -> Awaitility.await("partner " + partnerId + " accepted by " + service.artifact)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .failFast(() -> last.get() != null && last.get().status() >= 500)
                .until(() -> {
                    Http.Reply r = Http.get(StippleSystem.baseUrl(service) + path).token(token).send();
                    last.set(r);
                    return r.status() > 0 && r.status() != 429
                            && (r.body() == null || !r.body().contains("partner-not-registered"));
                }));
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

        // partners are registered by the clinic before anyone may share with them or use their tokens
        for (String partner : List.of(sharedPartner, unsharedPartner, pathPartner)) {
            Http.Reply r = registerPartner(admin, partner, "Partner " + partner);
            if (r.status() != 201 && r.status() != 409) {
                missing.add("partner " + partner + ": " + r.describe());
            }
        }
        ids.put("partnerId", pathPartner);

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
        victimEmail = ("Victor.Victim." + tag + "@example.com").toLowerCase(Locale.ROOT);
        ids.put("clientId", victim.toString());
        String base = clients + "/api/v1/clients/" + victim;
        createId(Http.post(base + "/assessments").token(staff).json("""
                {"scale":"NORWOOD","stage":"6","condition":"ANDROGENETIC","coveragePercent":70,"fitzpatrickType":3,
                 "hairColour":"dark brown","desiredLook":"SHAVED_FOLLICLE_REPLICATION"}"""), "assessmentId");
        createId(Http.post(base + "/screenings").token(staff).json("""
                {"allergies":[],"pigmentAllergy":false,"keloidTendency":false,"bloodThinners":false,"psoriasis":false,
                 "eczema":false,"activeScalpInfection":false,"pregnant":false,"guardianConsent":false}"""), "screeningId");
        createId(Http.post(base + "/consents").token(staff).json("""
                {"scope":"TREATMENT","textVersion":"v1"}"""), "consentId");
        for (String scope : List.of("CLINICAL_PHOTOS", "PUBLIC_GALLERY")) {
            send(Http.post(base + "/consents").token(staff).json("""
                    {"scope":"%s","textVersion":"v1"}""".formatted(scope)), "consent " + scope, 201);
        }
        send(Http.post(base + "/consents").token(staff).json("""
                {"scope":"PARTNER_SHARING","partnerId":"%s","textVersion":"v1"}""".formatted(sharedPartner)),
                "consent PARTNER_SHARING " + sharedPartner, 201);
        send(Http.post(clients + "/api/v1/clients/" + other + "/consents").token(staff).json("""
                {"scope":"PARTNER_SHARING","partnerId":"%s","textVersion":"v1"}""".formatted(unsharedPartner)),
                "other client's consent PARTNER_SHARING " + unsharedPartner, 201);
        UUID plan = createId(Http.post(base + "/plans").token(staff).json("""
                {"treatmentType":"PERMANENT_SMP","plannedSessions":3,"healingIntervalDays":7,
                 "hairlineDesignNotes":"Soft adult hairline"}"""), "planId");
        if (plan != null) {
            send(Http.post(base + "/plans/" + plan + "/agreement").token(staff), "plan agreement", 200);
        }

        // the admin's subscription exists before the booking, so the booking's event gives it a delivery
        createId(Http.post(StippleSystem.baseUrl(Service.NOTIFICATION) + "/api/v1/webhooks").token(admin).json("""
                {"url":"https://203.0.113.10/stipple/webhooks","eventTypes":["BookingConfirmed"],
                 "description":"fixture"}"""), "webhookId");
        if (consultation != null && technician != null) {
            bookConsultation(booking, consultation, technician);
        }
        uploadPhotosAndSet();
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
        this.photos.addAll(photos);
        ids.put("photoId", photos.get(0));
        createId(Http.post(gallery + "/api/v1/gallery/sets").token(staff).json("""
                {"beforePhotoId":"%s","afterPhotoId":"%s"}""".formatted(photos.get(0), photos.get(1))), "setId");
    }

    private Http.Reply upload(String gallery, String phase, Instant takenAt, Color colour) {
        return photoUpload(gallery + "/api/v1/gallery/photos", staff, victim, phase, takenAt, colour).send();
    }

    /** A valid photo upload (multipart: clientId, phase, angle FRONT, takenAt and a fresh PNG) with this token. */
    static Http.Request photoUpload(String url, String token, UUID clientId, String phase, Instant takenAt, Color colour) {
        String boundary = "----stipple" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientId", clientId.toString());
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
        return Http.post(url).token(token).body("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Uploads one more photo of the victim (as staff) and returns its id, or null if the gallery refused it. */
    public String uploadVictimPhoto() {
        Http.Reply r = upload(StippleSystem.baseUrl(Service.GALLERY), "BEFORE", StippleSystem.now().minus(2, ChronoUnit.DAYS),
                Color.LIGHT_GRAY);
        return r.status() == 201 ? json(r).path("id").asText() : null;
    }

    /**
     * Records the victim's first notification ({@code notificationId}, the booking's reminder) and the first delivery of
     * the admin's subscription ({@code deliveryId}, the booking's BookingConfirmed), both made from events; what does
     * not appear in time is listed in {@link #missing}.
     */
    public void awaitNotificationAndDelivery() {
        String notifications = StippleSystem.baseUrl(Service.NOTIFICATION);
        awaitFirstId("notificationId", () -> Http.get(notifications + "/api/v1/notifications?clientId=" + victim + "&size=10")
                .token(staff).send());
        if (ids.containsKey("webhookId")) {
            awaitFirstId("deliveryId", () -> Http.get(notifications + "/api/v1/webhooks/" + ids.get("webhookId")
                    + "/deliveries?size=10").token(admin).send());
        }
    }

    private void awaitFirstId(String key, java.util.function.Supplier<Http.Reply> list) {
        AtomicReference<Http.Reply> last = new AtomicReference<>();
        try {
            Awaitility.await(key + " of the fixture").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Http.Reply r = list.get();
                        last.set(r);
                        JsonNode items = json(r).path("items");
                        if (r.status() != 200 || items.isEmpty()) return false;
                        ids.put(key, items.get(0).path("id").asText());
                        return true;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            missing.add(key + ": " + (last.get() == null ? "no reply" : last.get().describe()));
        }
    }

    /**
     * Publishes a before/after set of the OTHER client (photo and gallery consents, two photos, a set submitted by staff
     * and published by the admin) and records it as {@code publicSetId}: the public gallery's operations then have a
     * real published set that is not the victim's.
     */
    public void publishSetOfOtherClient() {
        String clients = StippleSystem.baseUrl(Service.CLIENT);
        String gallery = StippleSystem.baseUrl(Service.GALLERY);
        for (String scope : List.of("CLINICAL_PHOTOS", "PUBLIC_GALLERY")) {
            send(Http.post(clients + "/api/v1/clients/" + other + "/consents").token(staff).json("""
                    {"scope":"%s","textVersion":"v1"}""".formatted(scope)), "other client's consent " + scope, 201);
        }
        List<String> pair = new ArrayList<>();
        AtomicReference<Http.Reply> last = new AtomicReference<>();
        try {
            Awaitility.await("photos of the other client").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        while (pair.size() < 2) {
                            boolean before = pair.isEmpty();
                            Http.Reply r = photoUpload(gallery + "/api/v1/gallery/photos", staff, other,
                                    before ? "BEFORE" : "AFTER", StippleSystem.now().minus(before ? 40 : 2, ChronoUnit.DAYS),
                                    before ? Color.BLACK : Color.ORANGE).send();
                            last.set(r);
                            if (r.status() != 201) return false;
                            pair.add(json(r).path("id").asText());
                        }
                        return true;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            missing.add("public set photo: " + (last.get() == null ? "no reply" : last.get().describe()));
            return;
        }
        Http.Reply set = Http.post(gallery + "/api/v1/gallery/sets").token(staff).json("""
                {"beforePhotoId":"%s","afterPhotoId":"%s"}""".formatted(pair.get(0), pair.get(1))).send();
        if (set.status() != 201) {
            missing.add("public set: " + set.describe());
            return;
        }
        String setId = json(set).path("id").asText();
        Http.Reply submitted = Http.post(gallery + "/api/v1/gallery/sets/" + setId + "/submit").token(staff)
                .header("If-Match", String.valueOf(set.headers().get("etag"))).send();
        if (submitted.status() != 200) {
            missing.add("public set submission: " + submitted.describe());
            return;
        }
        Http.Reply published = Http.post(gallery + "/api/v1/gallery/sets/" + setId + "/publish").token(admin)
                .header("If-Match", String.valueOf(submitted.headers().get("etag"))).send();
        if (published.status() != 200) {
            missing.add("public set publication: " + published.describe());
            return;
        }
        ids.put("publicSetId", setId);
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
