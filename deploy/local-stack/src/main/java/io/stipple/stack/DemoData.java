package io.stipple.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.testinfra.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Seeds the demo clinic through the services' own HTTP APIs, as a clinic's admin and staff would: the clinic's
 * profile and opening hours, the treatment catalogue, rooms, technicians, the demo partner (registered by the clinic,
 * so the demo partner token is accepted), and a few clients with their assessment, screening, consents (one shares with
 * the demo partner) and (for one) an agreed treatment plan.
 *
 * <p>Idempotent: the data directory survives restarts, so every step first looks for what it would create (by name,
 * by email) and creates only what is missing. Creating calls also carry a deterministic {@code Idempotency-Key}, so a
 * seed interrupted between a create and its read-back does not duplicate either. A step whose API is not available
 * (a service still in development, a rule refusing the demo data) is reported and skipped; the stack stays up.
 */
public final class DemoData {

    /** The demo clinic's id: the {@code clinic_id} of every demo token. */
    public static final UUID CLINIC_ID = UUID.fromString("5b1c8a3e-2f4d-4c6b-9a7e-1d2c3b4a5f60");
    public static final String CLINIC_NAME = "Stipple Demo Clinic London";
    /**
     * The partner of the demo partner token, registered by the demo clinic (a partner token works only for an ACTIVE
     * partner of its clinic), and named by the demo client's partner-sharing consent.
     */
    public static final String PARTNER_ID = "partner-hairline-studio-manchester";
    public static final String PARTNER_NAME = "Hairline Studio Manchester";

    /** What the demo consists of, for the banner. All null when nothing was seeded. */
    public record Seeded(UUID clinicId, String clinicName, UUID clientId, String clientName) {
        static Seeded none() {
            return new Seeded(null, null, null, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;
    private final String staffToken;
    private final List<String> skipped = new ArrayList<>();

    public DemoData(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
        this.adminToken = DevTokens.builder().subject("demo-seed-admin").clinic(CLINIC_ID).roles("admin")
                .expiresAt(expires).sign();
        this.staffToken = DevTokens.builder().subject("demo-seed-staff").clinic(CLINIC_ID).roles("staff")
                .expiresAt(expires).sign();
    }

    /** Creates what is missing of the demo clinic and returns what the banner shows. */
    public Seeded seed() {
        out.println();
        out.println("Demo data (clinic " + CLINIC_ID + "):");
        boolean clinic = step("clinic profile", this::seedClinic);
        Map<String, UUID> treatments = new LinkedHashMap<>();
        if (clinic) {
            step("treatment catalogue", () -> seedTreatments(treatments));
            step("rooms", this::seedRooms);
            step("technicians", () -> seedTechnicians(treatments));
        }
        boolean partner = step("partner", this::seedPartner);
        UUID[] daniel = new UUID[1];
        step("clients", () -> daniel[0] = seedClients(partner));
        if (!skipped.isEmpty()) {
            out.println("  Not seeded (see above): " + String.join("; ", skipped));
        }
        UUID clinicId = clinic || daniel[0] != null ? CLINIC_ID : null;
        return new Seeded(clinicId, clinicId == null ? null : CLINIC_NAME, daniel[0],
                daniel[0] == null ? null : "Daniel Okafor");
    }

    // ---------------------------------------------------------------- booking-service

    private void seedClinic() {
        String path = "/api/v1/clinics/" + CLINIC_ID;
        Response existing = call(Service.BOOKING, "GET", path, adminToken, null, null);
        if (existing.status() == 200) {
            out.println("  clinic profile: exists (" + existing.json().path("name").asText() + ")");
            return;
        }
        existing.expect(404);
        ObjectNode body = JSON.createObjectNode();
        body.put("name", CLINIC_NAME);
        ObjectNode address = body.putObject("address");
        address.put("line1", "12 Harley Street");
        address.put("line2", "Suite 4");
        address.put("city", "London");
        address.put("postcode", "W1G 9PF");
        address.put("country", "GB");
        body.put("timeZone", "Europe/London");
        body.put("currency", "GBP");
        ArrayNode hours = body.putArray("openingHours");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            hours.add(hours(day, "09:00", "18:00"));
        }
        hours.add(hours(DayOfWeek.FRIDAY, "09:00", "20:00"));
        hours.add(hours(DayOfWeek.SATURDAY, "10:00", "16:00"));
        body.put("cancellationNoticeHours", 48);
        call(Service.BOOKING, "PUT", path, adminToken, null, body).expect(200, 201);
        out.println("  clinic profile: created (Europe/London, Mon–Thu 09–18, Fri 09–20, Sat 10–16)");
    }

    private record TreatmentSpec(String name, String kind, String treatmentType, int minutes, int buffer,
                                 long priceMinor, Integer healingDays, List<ObjectNode> durationRules) {
    }

    private void seedTreatments(Map<String, UUID> ids) {
        List<TreatmentSpec> catalogue = List.of(
                new TreatmentSpec("Consultation", "CONSULTATION", null, 45, 15, 0, null, List.of()),
                new TreatmentSpec("SMP session", "SMP_SESSION", "PERMANENT_SMP", 150, 30, 65_000, 10, List.of(
                        durationRule(List.of("6", "7"), List.of(), null, null, 210),
                        durationRule(List.of(), List.of("ALOPECIA_TOTALIS", "ALOPECIA_UNIVERSALIS"), null, null, 240))),
                new TreatmentSpec("Tricopigmentation session", "TRICOPIGMENTATION_SESSION", "TRICOPIGMENTATION", 120, 30,
                        45_000, 7, List.of()),
                new TreatmentSpec("Scar camouflage session", "SCAR_CAMOUFLAGE_SESSION", "SCAR_CAMOUFLAGE", 90, 30,
                        35_000, 14, List.of()),
                new TreatmentSpec("SMP top-up", "TOP_UP", "PERMANENT_SMP", 90, 15, 25_000, null, List.of()));
        Map<String, UUID> existing = new LinkedHashMap<>();
        list(Service.BOOKING, "/api/v1/treatments", staffToken,
                t -> existing.put(t.path("name").asText(), UUID.fromString(t.path("id").asText())));
        int created = 0;
        for (TreatmentSpec spec : catalogue) {
            UUID id = existing.get(spec.name());
            if (id == null) {
                ObjectNode body = JSON.createObjectNode();
                body.put("kind", spec.kind());
                if (spec.treatmentType() != null) {
                    body.put("treatmentType", spec.treatmentType());
                }
                body.put("name", spec.name());
                body.put("baseDurationMinutes", spec.minutes());
                body.put("bufferMinutes", spec.buffer());
                ObjectNode price = body.putObject("price");
                price.put("amountMinor", spec.priceMinor());
                price.put("currency", "GBP");
                if (spec.healingDays() != null) {
                    body.put("healingIntervalDays", spec.healingDays());
                }
                body.putArray("durationRules").addAll(spec.durationRules());
                body.put("active", true);
                Response r = call(Service.BOOKING, "POST", "/api/v1/treatments", adminToken,
                        "demo-treatment-" + spec.name(), body).expect(201);
                id = UUID.fromString(r.json().path("id").asText());
                created++;
            }
            ids.put(spec.kind(), id);
        }
        out.printf("  treatment catalogue: %d treatments (%d created): consultation, SMP, tricopigmentation, "
                + "scar camouflage, top-up (GBP)%n", catalogue.size(), created);
    }

    private void seedRooms() {
        List<String> names = List.of("Room 1 (Harley)", "Room 2 (Wimpole)");
        List<String> existing = new ArrayList<>();
        String path = "/api/v1/clinics/" + CLINIC_ID + "/rooms";
        list(Service.BOOKING, path, staffToken, r -> existing.add(r.path("name").asText()));
        int created = 0;
        for (String name : names) {
            if (!existing.contains(name)) {
                ObjectNode body = JSON.createObjectNode().put("name", name).put("active", true);
                call(Service.BOOKING, "POST", path, adminToken, "demo-room-" + name, body).expect(201);
                created++;
            }
        }
        out.printf("  rooms: %d (%d created)%n", names.size(), created);
    }

    private void seedTechnicians(Map<String, UUID> treatments) {
        record Tech(String name, String email, List<String> kinds, List<ObjectNode> hours) {
        }
        List<Tech> techs = List.of(
                new Tech("Sam Okafor", "sam@demo-clinic.example",
                        List.of("CONSULTATION", "SMP_SESSION", "SCAR_CAMOUFLAGE_SESSION", "TOP_UP"),
                        List.of(hours(DayOfWeek.MONDAY, "09:00", "18:00"), hours(DayOfWeek.TUESDAY, "09:00", "18:00"),
                                hours(DayOfWeek.WEDNESDAY, "09:00", "18:00"), hours(DayOfWeek.THURSDAY, "09:00", "18:00"),
                                hours(DayOfWeek.FRIDAY, "09:00", "17:00"))),
                new Tech("Priya Shah", "priya@demo-clinic.example",
                        List.of("CONSULTATION", "SMP_SESSION", "TRICOPIGMENTATION_SESSION", "TOP_UP"),
                        List.of(hours(DayOfWeek.WEDNESDAY, "10:00", "18:00"), hours(DayOfWeek.THURSDAY, "10:00", "18:00"),
                                hours(DayOfWeek.FRIDAY, "12:00", "20:00"), hours(DayOfWeek.SATURDAY, "10:00", "16:00"))),
                new Tech("Tom Reilly", "tom@demo-clinic.example",
                        List.of("CONSULTATION", "SCAR_CAMOUFLAGE_SESSION", "TRICOPIGMENTATION_SESSION"),
                        List.of(hours(DayOfWeek.MONDAY, "12:00", "18:00"), hours(DayOfWeek.TUESDAY, "12:00", "18:00"),
                                hours(DayOfWeek.FRIDAY, "12:00", "20:00"))));
        List<String> existing = new ArrayList<>();
        String path = "/api/v1/clinics/" + CLINIC_ID + "/technicians";
        list(Service.BOOKING, path, staffToken, t -> existing.add(t.path("displayName").asText()));
        int created = 0;
        for (Tech tech : techs) {
            if (existing.contains(tech.name())) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("displayName", tech.name());
            body.put("email", tech.email());
            ArrayNode ids = body.putArray("treatmentIds");
            tech.kinds().stream().map(treatments::get).filter(java.util.Objects::nonNull)
                    .forEach(id -> ids.add(id.toString()));
            body.putArray("workingHours").addAll(tech.hours());
            body.put("active", true);
            call(Service.BOOKING, "POST", path, adminToken, "demo-technician-" + tech.email(), body).expect(201);
            created++;
        }
        out.printf("  technicians: %d (%d created): Sam Okafor, Priya Shah, Tom Reilly%n", techs.size(), created);
    }

    // ---------------------------------------------------------------- client-service

    /**
     * Registers the demo partner with the clinic (client-service). The other services learn it from PartnerRegistered
     * within moments; until then they answer the demo partner token 403 partner-not-registered.
     */
    private void seedPartner() {
        String path = "/api/v1/partners/" + PARTNER_ID;
        Response existing = call(Service.CLIENT, "GET", path, adminToken, null, null);
        if (existing.status() == 200) {
            String status = existing.json().path("status").asText();
            if ("ACTIVE".equals(status)) {
                out.println("  partner: exists (" + PARTNER_ID + ", ACTIVE)");
                return;
            }
            ObjectNode body = JSON.createObjectNode().put("name", existing.json().path("name").asText(PARTNER_NAME))
                    .put("status", "ACTIVE");
            String etag = existing.etag != null ? existing.etag : "\"" + existing.json().path("version").asText("0") + "\"";
            call(Service.CLIENT, "PUT", path, adminToken, null, body, etag).expect(200);
            out.println("  partner: " + PARTNER_ID + " re-activated (was " + status + ")");
            return;
        }
        existing.expect(404);
        ObjectNode body = JSON.createObjectNode().put("partnerId", PARTNER_ID).put("name", PARTNER_NAME);
        call(Service.CLIENT, "POST", "/api/v1/partners", adminToken, "demo-partner-" + PARTNER_ID, body).expect(201);
        out.println("  partner: registered " + PARTNER_ID + " (" + PARTNER_NAME + "); the other services accept its "
                + "token once they have the PartnerRegistered event (a moment)");
    }

    private record ClientSpec(String firstName, String lastName, String email, String phone, String dateOfBirth,
                              String sex, ObjectNode assessment, ObjectNode screening, List<String> consents,
                              String planType, boolean agreePlan) {
    }

    /**
     * Returns the id of the demo client whose token the banner prints (the one with the agreed plan). Without a
     * registered partner ({@code partner} false) no partner-sharing consent is recorded: it must name one.
     */
    private UUID seedClients(boolean partner) {
        List<ClientSpec> clients = List.of(
                new ClientSpec("Daniel", "Okafor", "daniel.okafor@example.com", "+447911123456", "1986-04-12", "MALE",
                        assessment("NORWOOD", "6", "ANDROGENETIC", 70, 4, "dark brown", "SHAVED_FOLLICLE_REPLICATION",
                                null, "Norwood 6: open crown and receded temples; wants a buzz-cut look"),
                        screening(false, false, "No medication, no known allergies"),
                        List.of("TREATMENT", "CLINICAL_PHOTOS", "PUBLIC_GALLERY", "PARTNER_SHARING"),
                        "PERMANENT_SMP", true),
                new ClientSpec("Sophie", "Marchetti", "sophie.marchetti@example.com", "+447911234567", "1979-09-30",
                        "FEMALE",
                        assessment("LUDWIG", "II", "DIFFUSE_THINNING", 35, 2, "light brown", "DENSITY_BEHIND_LONGER_HAIR",
                                null, "Diffuse thinning at the parting; keeps shoulder-length hair"),
                        screening(false, false, "Patch test done at consultation"),
                        List.of("TREATMENT", "CLINICAL_PHOTOS"),
                        "TRICOPIGMENTATION", false),
                new ClientSpec("Marcus", "Reid", "marcus.reid@example.com", null, "1990-01-22", "MALE",
                        assessment("NONE", null, "SCAR_FUT", 5, 5, "black", "SCAR_CAMOUFLAGE",
                                scar(180, 4, null, "MATURE"), "FUT strip scar from a 2019 transplant"),
                        screening(true, false, "Keloid tendency reported: practitioner to review"),
                        List.of("TREATMENT"),
                        null, false));
        UUID first = null;
        int created = 0;
        List<String> notes = new ArrayList<>();
        for (ClientSpec spec : clients) {
            SeededClient c = seedClient(spec, partner);
            if (c.created()) {
                created++;
            }
            notes.addAll(c.notes());
            if (first == null) {
                first = c.id();
            }
        }
        out.printf("  clients: %d (%d created): Daniel Okafor (Norwood 6, agreed 3-session SMP plan), "
                + "Sophie Marchetti (Ludwig II, proposed tricopigmentation plan), Marcus Reid (FUT scar, screening "
                + "needs review)%n", clients.size(), created);
        notes.forEach(n -> out.println("    " + n));
        return first;
    }

    private record SeededClient(UUID id, boolean created, List<String> notes) {
    }

    private SeededClient seedClient(ClientSpec spec, boolean partnerRegistered) {
        List<String> notes = new ArrayList<>();
        String who = spec.firstName() + " " + spec.lastName();
        Response search = call(Service.CLIENT, "GET", "/api/v1/clients?email=" + encode(spec.email()), staffToken,
                null, null).expect(200);
        JsonNode items = search.json().path("items");
        UUID id;
        boolean created = false;
        if (items.size() > 0) {
            id = UUID.fromString(items.get(0).path("id").asText());
        } else {
            ObjectNode body = JSON.createObjectNode();
            body.put("firstName", spec.firstName());
            body.put("lastName", spec.lastName());
            body.put("email", spec.email());
            if (spec.phone() != null) {
                body.put("phone", spec.phone());
            }
            body.put("dateOfBirth", spec.dateOfBirth());
            body.put("sex", spec.sex());
            body.put("timeZone", "Europe/London");
            body.put("locale", "en-GB");
            body.putArray("preferredChannels").add("EMAIL");
            body.put("marketingOptIn", false);
            Response r = call(Service.CLIENT, "POST", "/api/v1/clients", staffToken, "demo-client-" + spec.email(), body)
                    .expect(201);
            id = UUID.fromString(r.json().path("id").asText());
            created = true;
        }
        String base = "/api/v1/clients/" + id;

        if (total(Service.CLIENT, base + "/assessments") == 0) {
            call(Service.CLIENT, "POST", base + "/assessments", staffToken, "demo-assessment-" + id, spec.assessment())
                    .expect(201);
        }
        if (total(Service.CLIENT, base + "/screenings") == 0) {
            call(Service.CLIENT, "POST", base + "/screenings", staffToken, "demo-screening-" + id, spec.screening())
                    .expect(201);
        }
        JsonNode current = call(Service.CLIENT, "GET", base + "/consents", staffToken, null, null).expect(200).json();
        for (String scope : spec.consents()) {
            if (isGranted(current, scope)) {
                continue;
            }
            if ("PARTNER_SHARING".equals(scope) && !partnerRegistered) {
                notes.add(who + ": no partner-sharing consent (the demo partner is not registered)");
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("scope", scope);
            if ("PARTNER_SHARING".equals(scope)) {
                body.put("partnerId", PARTNER_ID);
            }
            body.put("textVersion", scope.toLowerCase().replace('_', '-') + "-2026-01");
            call(Service.CLIENT, "POST", base + "/consents", staffToken, "demo-consent-" + scope + "-" + id, body)
                    .expect(201);
        }
        if (spec.planType() != null && total(Service.CLIENT, base + "/plans") == 0) {
            ObjectNode body = JSON.createObjectNode();
            body.put("treatmentType", spec.planType());
            body.put("plannedSessions", 3);
            body.put("healingIntervalDays", "PERMANENT_SMP".equals(spec.planType()) ? 10 : 7);
            body.put("hairlineDesignNotes", "PERMANENT_SMP".equals(spec.planType())
                    ? "Soft, slightly receded adult hairline 7 cm above the brow; density matched to the sides"
                    : "Density along the parting and crown only");
            Response plan = call(Service.CLIENT, "POST", base + "/plans", staffToken, "demo-plan-" + id, body).expect(201);
            if (spec.agreePlan()) {
                String planId = plan.json().path("id").asText();
                Response agreed = call(Service.CLIENT, "POST", base + "/plans/" + planId + "/agreement", staffToken,
                        null, null);
                if (agreed.status() != 200) {
                    notes.add(who + ": plan proposed but not agreed: " + agreed.describe());
                }
            }
        }
        return new SeededClient(id, created, notes);
    }

    /** ConsentsView: {@code current} holds one status per scope (and per partner for PARTNER_SHARING). */
    private static boolean isGranted(JsonNode consents, String scope) {
        for (JsonNode status : consents.path("current")) {
            if (scope.equals(status.path("scope").asText()) && status.path("granted").asBoolean(false)
                    && (!"PARTNER_SHARING".equals(scope) || PARTNER_ID.equals(status.path("partnerId").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode assessment(String scale, String stage, String condition, int coverage, int fitzpatrick,
                                         String hairColour, String look, ObjectNode scar, String notes) {
        ObjectNode a = JSON.createObjectNode();
        a.put("scale", scale);
        if (stage != null) {
            a.put("stage", stage);
        }
        a.put("condition", condition);
        a.put("coveragePercent", coverage);
        a.put("fitzpatrickType", fitzpatrick);
        a.put("hairColour", hairColour);
        a.put("desiredLook", look);
        if (scar != null) {
            a.set("scar", scar);
        }
        a.put("notes", notes);
        return a;
    }

    private static ObjectNode scar(Integer lengthMm, Integer widthMm, Integer areaCm2, String maturity) {
        ObjectNode s = JSON.createObjectNode();
        if (lengthMm != null) s.put("lengthMm", lengthMm);
        if (widthMm != null) s.put("widthMm", widthMm);
        if (areaCm2 != null) s.put("areaCm2", areaCm2);
        s.put("maturity", maturity);
        return s;
    }

    private static ObjectNode screening(boolean keloid, boolean bloodThinners, String notes) {
        ObjectNode s = JSON.createObjectNode();
        s.putArray("allergies");
        s.put("pigmentAllergy", false);
        s.put("keloidTendency", keloid);
        s.put("bloodThinners", bloodThinners);
        s.put("psoriasis", false);
        s.put("eczema", false);
        s.put("activeScalpInfection", false);
        s.put("pregnant", false);
        s.put("guardianConsent", false);
        s.put("notes", notes);
        return s;
    }

    private static ObjectNode hours(DayOfWeek day, String opens, String closes) {
        return JSON.createObjectNode().put("weekday", day.name()).put("opens", opens).put("closes", closes);
    }

    private static ObjectNode durationRule(List<String> stages, List<String> conditions, Integer minCoverage,
                                           Integer maxCoverage, int minutes) {
        ObjectNode r = JSON.createObjectNode();
        stages.forEach(r.putArray("stages")::add);
        conditions.forEach(r.putArray("conditions")::add);
        if (minCoverage != null) r.put("minCoveragePercent", minCoverage);
        if (maxCoverage != null) r.put("maxCoveragePercent", maxCoverage);
        r.put("durationMinutes", minutes);
        return r;
    }

    // ---------------------------------------------------------------- HTTP

    /** Runs one seeding step; a failure is reported and remembered, and seeding goes on with the next step. */
    private boolean step(String name, Runnable work) {
        try {
            work.run();
            return true;
        } catch (SeedException e) {
            out.println("  " + name + ": NOT seeded: " + e.getMessage());
            skipped.add(name);
            return false;
        }
    }

    private long total(Service service, String path) {
        return call(service, "GET", path + "?size=1", staffToken, null, null).expect(200).json().path("totalItems").asLong();
    }

    /** Reads every page of a list. */
    private void list(Service service, String path, String token, Consumer<JsonNode> each) {
        for (int page = 0; page < 100; page++) {
            JsonNode body = call(service, "GET", path + "?size=100&page=" + page, token, null, null).expect(200).json();
            body.path("items").forEach(each);
            if (page + 1 >= body.path("totalPages").asInt(0)) {
                return;
            }
        }
    }

    private Response call(Service service, String method, String path, String token, String idempotencyKey,
                          JsonNode body) {
        return call(service, method, path, token, idempotencyKey, body, null);
    }

    private Response call(Service service, String method, String path, String token, String idempotencyKey,
                          JsonNode body, String ifMatch) {
        URI uri = URI.create(stack.baseUrl(service) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8))
                    .toString());
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + service.artifact + path, response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new SeedException(method + " " + service.artifact + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Response(String request, int status, String body, String etag) {

        Response expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new SeedException(describe());
        }

        String describe() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return request + " -> " + status + (text.isEmpty() ? "" : ": " + (text.length() > 300
                    ? text.substring(0, 300) + "…" : text));
        }

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new SeedException(request + " returned no JSON: " + e.getMessage());
            }
        }
    }

    private static final class SeedException extends RuntimeException {
        SeedException(String message) {
            super(message, null, false, false);
        }
    }
}
