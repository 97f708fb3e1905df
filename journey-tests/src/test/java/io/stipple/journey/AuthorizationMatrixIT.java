package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.stack.Service;
import io.stipple.testinfra.DevTokens;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.stipple.journey.OpenApi.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix of issue 11: every operation of every OpenAPI document, called as every kind of caller,
 * judged against the operation's own declaration — the {@code x-stipple-access} extension
 * ({@code io.stipple.platform.security.AccessRule}): the caller kinds it lets through. Deny by default: an operation
 * without a declaration fails the test (and is judged as letting nobody through).
 *
 * <p>The fixture: clinic A ({@link Fixtures}) with client C1 (the "victim": assessment, screening, consents, an agreed
 * plan, a booking with its reminder, two photos paired into a set), another client C2, three partners registered by A
 * (C1 shares with {@code sharedPartner}, C2 with {@code unsharedPartner}, {@code pathPartner} is the
 * {@code /partners/{id}} path value), the admin's webhook subscription with a delivery, and a published set of C2's
 * for the public gallery; clinic B set up the same way, registering the SAME partner id as A's shared partner. Path
 * parameters name C1's records or clinic A's; required query parameters get the same ids (optional filters are not
 * sent, so a list is called as the caller's own view); id properties of bodies name C1's records.
 *
 * <p>The kinds: {@code admin}, {@code staff} (clinic A), {@code otherClinicStaff} (clinic B's staff),
 * {@code self} (C1), {@code otherClient} (C2), {@code sharedPartner}, {@code unsharedPartner},
 * {@code otherClinicPartner} (clinic B's partner with the shared partner's id), {@code anonymous} (no token),
 * {@code forged} (clinic A's admin signed with another key), {@code service} (notification-service's own token, no
 * clinic: only internal server-to-server operations may let it through); {@code public} declares every kind (a public read ignores the token).
 *
 * <p>Judged per call:
 * <ul>
 *     <li>leak: a 2xx for a kind the operation does not list; or a response body, for a kind that may not see C1
 *     (otherClinicStaff, otherClient, unsharedPartner, otherClinicPartner, anonymous, forged, and any kind the
 *     operation does not list), that contains C1's id, e-mail or one of C1's record ids that the request did not
 *     itself carry (a problem's {@code instance} echoes the path); clinic A's own ids for kinds outside clinic A;
 *     the admin's subscription and delivery ids for anyone but the admin; C2's id for kinds that may not see C2;</li>
 *     <li>wrongly refused: 401/403 for a listed kind;</li>
 *     <li>a denied kind must be answered 401, 403, 404 or 422; no call may get a 5xx.</li>
 * </ul>
 * Calls are ordered so that reads and creations run first; state changes (PUT, actions, DELETE) run for the denied
 * kinds before the allowed ones, the allowed ones in the order above with the admin last, the client's erasure the
 * very last call; a record an allowed kind deleted is re-created before the next allowed kind's call.
 * Prints the calls per caller kind, the operations, leaks and wrongly refused (with the list of each), and the
 * whole matrix (also saved to {@code target/authorization-matrix.txt}).
 */
@ExtendWith(StippleSystem.class)
class AuthorizationMatrixIT {

    static final String EXTENSION = "x-stipple-access";

    /** The caller kinds, in calling order for state changes: the allowed ones last, admin the very last. */
    enum Kind {
        FORGED("forged"), ANONYMOUS("anonymous"), SERVICE("service"), OTHER_CLINIC_PARTNER("otherClinicPartner"),
        OTHER_CLINIC_STAFF("otherClinicStaff"), UNSHARED_PARTNER("unsharedPartner"), OTHER_CLIENT("otherClient"),
        SHARED_PARTNER("sharedPartner"), SELF("self"), STAFF("staff"), ADMIN("admin");

        final String declared;

        Kind(String declared) {
            this.declared = declared;
        }

        /** May see C1's data (where the operation lets it through: a service only its internal operations). */
        boolean mayGenerallySeeVictim() {
            return this == ADMIN || this == STAFF || this == SELF || this == SHARED_PARTNER || this == SERVICE;
        }

        /** Not a person or partner of clinic A (a service's own token names no clinic). */
        boolean outsideClinicA() {
            return this == FORGED || this == ANONYMOUS || this == OTHER_CLINIC_PARTNER || this == OTHER_CLINIC_STAFF
                    || this == SERVICE;
        }

        /** May see C2 (the other client: themselves, the partner C2 shares with, clinic A's people). */
        boolean maySeeOtherClient() {
            return this == ADMIN || this == STAFF || this == OTHER_CLIENT || this == UNSHARED_PARTNER;
        }

        static Kind byDeclaredName(String name) {
            for (Kind k : values()) {
                if (k.declared.equals(name)) return k;
            }
            return null;
        }
    }

    /** The ids of C1's records (keys of {@link Fixtures#ids}). */
    private static final List<String> VICTIM_KEYS = List.of("clientId", "assessmentId", "screeningId", "consentId", "planId",
            "bookingId", "photoId", "setId", "notificationId");
    /** Clinic A's own records (not the clinic id itself: public gallery views may name the clinic). */
    private static final List<String> CLINIC_KEYS = List.of("treatmentId", "technicianId", "roomId", "closureId",
            "timeOffId", "partnerId");
    /** The admin's subscription and its delivery: nobody but the admin may see them. */
    private static final List<String> ADMIN_KEYS = List.of("webhookId", "deliveryId");

    private static List<OpenApi.Operation> operations;
    private static Fixtures a;
    private static Fixtures b;
    private static final Map<Kind, String> tokens = new EnumMap<>(Kind.class);
    private static String signedFileUrl;

    @BeforeAll
    static void setUp() {
        long t0 = System.nanoTime();
        operations = OpenApi.operations();
        String sharedPartnerId = "matrix-shared-" + UUID.randomUUID().toString().substring(0, 8);
        // clinic B registers the same partner id as clinic A's shared partner: the "partner of another clinic"
        CompletableFuture<Fixtures> clinicB = CompletableFuture.supplyAsync(() -> Fixtures.create("matrix-b", sharedPartnerId));
        a = Fixtures.create("matrix-a", sharedPartnerId);
        b = clinicB.join();
        assertThat(a.missing).as("partners of clinic A").noneMatch(m -> m.startsWith("partner") || m.contains("PARTNER_SHARING"));
        assertThat(b.missing).as("partners of clinic B").noneMatch(m -> m.startsWith("partner"));
        a.awaitPartnersAccepted();
        b.awaitPartnersAccepted();
        a.awaitNotificationAndDelivery();
        a.publishSetOfOtherClient();
        signedFileUrl = signedLink();

        tokens.put(Kind.ADMIN, a.admin);
        tokens.put(Kind.STAFF, a.staff);
        tokens.put(Kind.OTHER_CLINIC_STAFF, b.staff);
        tokens.put(Kind.SELF, a.clientToken(a.victim));
        tokens.put(Kind.OTHER_CLIENT, a.clientToken(a.other));
        tokens.put(Kind.SHARED_PARTNER, a.partnerToken(a.sharedPartner));
        tokens.put(Kind.UNSHARED_PARTNER, a.partnerToken(a.unsharedPartner));
        tokens.put(Kind.OTHER_CLINIC_PARTNER, b.partnerToken(sharedPartnerId));
        tokens.put(Kind.ANONYMOUS, null);
        // a Stipple service's own token (client credentials): notification-service, which may read client keys
        tokens.put(Kind.SERVICE, DevTokens.builder().subject("notification-service").roles("service")
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS)).sign());
        tokens.put(Kind.FORGED, DevTokens.signedWithOtherKey(DevTokens.builder().subject("admin-" + a.clinicId)
                .clinic(a.clinicId).roles("admin").expiresAt(Instant.now().plus(1, ChronoUnit.HOURS))));
        System.out.printf("AuthorizationMatrixIT: fixtures ready in %.1f s; clinic A %s, clinic B %s%n",
                (System.nanoTime() - t0) / 1e9, a.clinicId, b.clinicId);
        if (!a.missing.isEmpty() || !b.missing.isEmpty()) {
            System.out.println("AuthorizationMatrixIT: fixture records not created (those path values are random ids, "
                    + "the calls less meaningful): A " + a.missing + "; B " + b.missing);
        }
    }

    /** A signed link to C1's first photo ({@code /gallery/files/{id}} needs its signature), or null. */
    private static String signedLink() {
        if (a.photos.isEmpty()) return null;
        Http.Reply r = Http.get(StippleSystem.baseUrl(Service.GALLERY) + "/api/v1/gallery/photos/" + a.photos.get(0)
                + "/signed-link").token(a.staff).send();
        String url = Fixtures.json(r).path("url").asText("");
        if (r.status() != 200 || url.isEmpty()) {
            a.missing.add("signed link: " + r.describe());
            return null;
        }
        return url.startsWith("http") ? url : StippleSystem.baseUrl(Service.GALLERY) + url;
    }

    // ------------------------------------------------------------------------------------------------ the matrix

    /** One operation with what it declares. */
    private record Declared(OpenApi.Operation op, Set<Kind> allowed, boolean missing, List<String> invalid) {
    }

    private final Map<Kind, Integer> callsPerKind = new EnumMap<>(Kind.class);
    private final Map<String, Map<Kind, Integer>> matrix = new LinkedHashMap<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<String> wronglyRefused = new ArrayList<>();
    private final List<String> deniedWithAnotherStatus = new ArrayList<>();
    /** 400s of denied kinds, by operation: only a finding if no allowed kind got a 400 too (then the example was bad). */
    private final Map<String, List<String>> deniedWith400 = new LinkedHashMap<>();
    private final List<String> serverErrors = new ArrayList<>();

    @Test
    void everyOperationLetsThroughExactlyTheCallersItDeclaresAndShowsOthersNothingOfTheClient() {
        long t0 = System.nanoTime();
        List<Declared> declared = operations.stream().map(AuthorizationMatrixIT::declaration)
                .sorted(Comparator.comparing((Declared d) -> d.op().service()).thenComparing(d -> d.op().path())
                        .thenComparing(d -> d.op().method()))
                .toList();
        declared.forEach(d -> matrix.put(d.op().label(), new EnumMap<>(Kind.class)));

        // 1. reads and creations, every kind
        for (Declared d : declared) {
            if (stateChanging(d.op())) continue;
            for (Kind kind : Kind.values()) {
                call(d, kind, Map.of());
            }
        }
        // 2. state changes for the kinds that must be refused, before anything is changed by the allowed ones
        List<Declared> changes = declared.stream().filter(d -> stateChanging(d.op()))
                .sorted(Comparator.comparingInt(d -> rank(d.op()))).toList();
        for (Declared d : changes) {
            for (Kind kind : Kind.values()) {
                if (!d.allowed().contains(kind)) call(d, kind, Map.of());
            }
        }
        // 3. state changes for the allowed kinds, admin last; the client's erasure is the very last call
        for (Declared d : changes) {
            boolean changed = false;
            for (Kind kind : Kind.values()) {
                if (!d.allowed().contains(kind)) continue;
                Map<String, String> fresh = changed && "DELETE".equals(d.op().method()) ? recreate(d.op()) : Map.of();
                int status = call(d, kind, fresh);
                changed |= status >= 200 && status < 300;
            }
        }

        // a 400 for a denied kind is a refusal of the generated request itself when an allowed kind got a 400 too
        List<String> invalidForEverybody = new ArrayList<>();
        for (Declared d : declared) {
            List<String> fours = deniedWith400.getOrDefault(d.op().label(), List.of());
            if (fours.isEmpty()) continue;
            boolean allowedGot400 = d.allowed().stream().anyMatch(k -> Integer.valueOf(400).equals(matrix.get(d.op().label()).get(k)));
            if (allowedGot400) invalidForEverybody.add(d.op().label());
            else deniedWithAnotherStatus.addAll(fours);
        }
        if (!invalidForEverybody.isEmpty()) {
            System.out.println("AuthorizationMatrixIT: the generated request was refused 400 for allowed kinds too "
                    + "(not a meaningful call; fix the example): " + invalidForEverybody);
        }
        List<String> missing = declared.stream().filter(Declared::missing).map(d -> d.op().label()).toList();
        List<String> invalid = declared.stream().flatMap(d -> d.invalid().stream().map(v -> d.op().label() + ": " + v)).toList();
        report(declared, missing, invalid, (System.nanoTime() - t0) / 1e9);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(missing).as("operations without an %s declaration (deny by default)", EXTENSION).isEmpty();
        soft.assertThat(invalid).as("declarations naming no caller kind").isEmpty();
        soft.assertThat(leaks).as("leaks").isEmpty();
        soft.assertThat(wronglyRefused).as("wrongly refused").isEmpty();
        soft.assertThat(deniedWithAnotherStatus).as("denied kinds answered other than 401/403/404/422").isEmpty();
        soft.assertThat(serverErrors).as("server errors").isEmpty();
        soft.assertThat(declared).as("operations").hasSizeGreaterThan(40);
        soft.assertAll();
    }

    private static Declared declaration(OpenApi.Operation op) {
        JsonNode value = op.node().path(EXTENSION);
        if (!value.isTextual() || value.asText().isBlank()) {
            return new Declared(op, EnumSet.noneOf(Kind.class), true, List.of());
        }
        Set<Kind> allowed = EnumSet.noneOf(Kind.class);
        List<String> invalid = new ArrayList<>();
        for (String word : value.asText().trim().split("\\s+")) {
            if ("public".equals(word)) {
                // a public read ignores whatever token comes with it (the body checks still apply)
                allowed.addAll(EnumSet.allOf(Kind.class));
            } else if ("forged".equals(word)) {
                invalid.add("'forged' is never let through");
            } else if (Kind.byDeclaredName(word) == null) {
                invalid.add("unknown caller kind '" + word + "'");
            } else {
                allowed.add(Kind.byDeclaredName(word));
            }
        }
        return new Declared(op, allowed, false, invalid);
    }

    /** PUT, DELETE and POST actions change records the other calls need; creating POSTs (documented 201) do not. */
    private static boolean stateChanging(OpenApi.Operation op) {
        return switch (op.method()) {
            case "GET" -> false;
            case "POST" -> !op.node().path("responses").has("201") || op.path().endsWith("/withdrawals");
            default -> true;
        };
    }

    /** Order of the state changes: updates and actions, withdrawals, deletions, the client's erasure last. */
    private static int rank(OpenApi.Operation op) {
        if ("DELETE".equals(op.method())) {
            return op.path().matches("/api/v1/clients/\\{[^}]+}") ? 3 : 2;
        }
        return op.path().endsWith("/withdrawals") ? 1 : 0;
    }

    /** A fresh record for a DELETE whose record an earlier allowed kind deleted: path key → new id. */
    private Map<String, String> recreate(OpenApi.Operation op) {
        String booking = StippleSystem.baseUrl(Service.BOOKING);
        String p = op.path();
        String id = null;
        String key = null;
        if (p.contains("/closures/{")) {
            key = "closureId";
            LocalDate day = LocalDate.ofInstant(StippleSystem.now(), ZoneOffset.UTC)
                    .plusDays(320 + Math.floorMod(UUID.randomUUID().hashCode(), 300));
            id = createdId(Http.post(booking + "/api/v1/clinics/" + a.clinicId + "/closures").token(a.admin)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).json("""
                            {"firstDay":"%s","lastDay":"%s","reason":"Matrix"}""".formatted(day, day)));
        } else if (p.contains("/time-off/{") && a.ids.containsKey("technicianId")) {
            key = "timeOffId";
            Instant start = StippleSystem.now().plus(220, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                    .plus(UUID.randomUUID().hashCode() & 0xff, ChronoUnit.HOURS);
            id = createdId(Http.post(booking + "/api/v1/clinics/" + a.clinicId + "/technicians/" + a.ids.get("technicianId")
                    + "/time-off").token(a.admin).header("Idempotency-Key", UUID.randomUUID().toString()).json("""
                    {"startsAt":"%s","endsAt":"%s","reason":"Matrix"}""".formatted(start, start.plus(2, ChronoUnit.HOURS))));
        } else if (p.startsWith("/api/v1/gallery/photos/{")) {
            key = "photoId";
            id = a.uploadVictimPhoto();
        } else if (p.startsWith("/api/v1/webhooks/{")) {
            key = "webhookId";
            id = createdId(Http.post(StippleSystem.baseUrl(Service.NOTIFICATION) + "/api/v1/webhooks").token(a.admin)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).json("""
                            {"url":"https://203.0.113.10/stipple/matrix","eventTypes":["BookingConfirmed"],"description":"matrix"}"""));
        } else if (p.startsWith("/api/v1/partners/{")) {
            key = "partnerId";
            String partner = "matrix-again-" + UUID.randomUUID().toString().substring(0, 8);
            id = Fixtures.registerPartner(a.admin, partner, "Matrix again").status() == 201 ? partner : null;
        }
        return key == null || id == null ? Map.of() : Map.of(key, id);
    }

    private static String createdId(Http.Request request) {
        Http.Reply r = request.send();
        return r.status() == 201 ? Fixtures.json(r).path("id").asText(null) : null;
    }

    // ------------------------------------------------------------------------------------------------ one call

    /** Calls the operation as this kind, judges the answer and returns its status. */
    private int call(Declared d, Kind kind, Map<String, String> fresh) {
        OpenApi.Operation op = d.op();
        Map<String, String> values = pathValues(op, fresh);
        String url = op.path().startsWith("/api/v1/gallery/files/{") && signedFileUrl != null
                ? signedFileUrl : op.url(values) + op.exampleQuery(requiredQuery(op, fresh));
        String token = tokens.get(kind);
        Http.Request request = Http.request(op.method(), url).token(token).label(kind.declared + " " + op.label() + " " + values.values());
        String sentBody = "";
        if (op.multipart()) {
            request = Fixtures.photoUpload(url, token, a.victim, "BEFORE", StippleSystem.now().minus(3, ChronoUnit.DAYS),
                    new Color(UUID.randomUUID().hashCode() & 0xffffff)).label(kind.declared + " " + op.label());
            sentBody = a.victim.toString();
        } else {
            JsonNode body = body(op, fresh);
            if (body != null) {
                sentBody = body.toString();
                request.json(sentBody);
            } else if (op.hasBody()) {
                sentBody = "{}";
                request.json(sentBody);
            }
        }
        if ("POST".equals(op.method())) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (op.parameters("header").stream().anyMatch(h -> "If-Match".equalsIgnoreCase(h.path("name").asText()))) {
            request.header("If-Match", currentETag(op, values));
        }
        Http.Reply r = sendRespectingRateLimit(request);
        callsPerKind.merge(kind, 1, Integer::sum);
        matrix.get(op.label()).put(kind, r.status());
        judge(d, kind, r, url + " " + sentBody, fresh);
        return r.status();
    }

    private void judge(Declared d, Kind kind, Http.Reply r, String sent, Map<String, String> fresh) {
        boolean allowed = d.allowed().contains(kind);
        int s = r.status();
        boolean success = s >= 200 && s < 300;
        String what = kind.declared + " (declared: " + declared(d) + "): " + r.describe();
        if (s < 0 || s >= 500) {
            serverErrors.add(what);
        } else if (!allowed && success) {
            leaks.add("2xx for a kind not listed: " + what);
        } else if (!allowed && s == 400) {
            deniedWith400.computeIfAbsent(d.op().label(), k -> new ArrayList<>()).add(what);
        } else if (!allowed && s != 401 && s != 403 && s != 404 && s != 422) {
            deniedWithAnotherStatus.add(what);
        } else if (allowed && (s == 401 || s == 403)) {
            wronglyRefused.add(what);
        }
        if (r.body() == null || r.body().isEmpty()) return;
        for (Map.Entry<String, String> secret : secrets(kind, allowed, fresh).entrySet()) {
            if (r.body().contains(secret.getValue()) && !sent.contains(secret.getValue())) {
                leaks.add("body shows " + secret.getKey() + " " + secret.getValue() + " to " + what);
            }
        }
    }

    /** What this kind must not find in a body of this operation: name → value. */
    private static Map<String, String> secrets(Kind kind, boolean allowed, Map<String, String> fresh) {
        Map<String, String> s = new LinkedHashMap<>();
        if (!allowed || !kind.mayGenerallySeeVictim()) {
            for (String key : VICTIM_KEYS) {
                if (a.ids.containsKey(key)) s.put("C1's " + key, a.ids.get(key));
                if (fresh.containsKey(key)) s.put("C1's fresh " + key, fresh.get(key));
            }
            for (int i = 1; i < a.photos.size(); i++) s.put("C1's photo " + i, a.photos.get(i));
            s.put("C1's e-mail", a.victimEmail);
        }
        if (kind.outsideClinicA()) {
            for (String key : CLINIC_KEYS) {
                if (a.ids.containsKey(key)) s.put("clinic A's " + key, a.ids.get(key));
            }
            s.put("clinic A's unshared partner", a.unsharedPartner);
        }
        if (kind != Kind.ADMIN) {
            for (String key : ADMIN_KEYS) {
                if (a.ids.containsKey(key)) s.put("the admin's " + key, a.ids.get(key));
                if (fresh.containsKey(key)) s.put("the admin's fresh " + key, fresh.get(key));
            }
        }
        if (!kind.maySeeOtherClient()) {
            s.put("C2's clientId", a.other.toString());
        }
        return s;
    }

    private static String declared(Declared d) {
        if (d.missing()) return "nothing";
        return d.op().node().path(EXTENSION).asText();
    }

    /** Path values: clinic A's and C1's records; the public gallery's published set; overrides win. */
    private static Map<String, String> pathValues(OpenApi.Operation op, Map<String, String> fresh) {
        Map<String, String> values = a.pathValues(op);
        for (String p : op.pathParameterNames()) {
            String key = Fixtures.key(op, p);
            if (fresh.containsKey(key)) {
                values.put(p, fresh.get(key));
            } else if ("setId".equals(key) && op.path().contains("/public/") && a.ids.containsKey("publicSetId")) {
                values.put(p, a.ids.get("publicSetId"));
            } else if ("slot".equals(p)) {
                values.put(p, "after");
            }
        }
        return values;
    }

    /** Values for the required query parameters that name a fixture record (the rest get examples). */
    private static Map<String, String> requiredQuery(OpenApi.Operation op, Map<String, String> fresh) {
        Map<String, String> q = new LinkedHashMap<>();
        for (JsonNode p : op.parameters("query")) {
            String name = p.path("name").asText();
            if (!p.path("required").asBoolean(false)) continue;
            String v = fresh.getOrDefault(name, a.ids.get(name));
            if (v != null) q.put(name, v);
        }
        return q;
    }

    /** A valid example body naming C1's records; a few properties made meaningful for their operation. */
    private static JsonNode body(OpenApi.Operation op, Map<String, String> fresh) {
        JsonNode body = AttackIT.exampleBody(op, a);
        if (!(body instanceof ObjectNode o)) return body;
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (name.equals("beforePhotoId") && !a.photos.isEmpty()) o.put(name, a.photos.get(0));
            else if (name.equals("afterPhotoId") && a.photos.size() > 1) o.put(name, a.photos.get(1));
            else if (name.endsWith("PhotoId") && a.ids.containsKey("photoId")) o.put(name, a.ids.get("photoId"));
            else if (fresh.containsKey(name) && o.get(name).isTextual()) o.put(name, fresh.get(name));
            else if (name.equals("url") && o.get(name).isTextual()) o.put(name, "https://203.0.113.10/stipple/matrix");
        }
        // an admin-only option with its own rule (booking-service tests it); not what the matrix is about
        o.remove("healingOverride");
        if (op.path().endsWith("/consents") && o.has("scope")) {
            // a grant that changes nothing for the other calls: C1 shares with the shared partner (again)
            o.put("scope", "PARTNER_SHARING");
            o.put("partnerId", a.sharedPartner);
        } else if (op.path().endsWith("/withdrawals") && o.has("scope")) {
            // not the partner sharing the partner kinds' calls rely on
            o.put("scope", "PUBLIC_GALLERY");
            o.remove("partnerId");
        } else if (op.path().equals("/api/v1/partners") && o.has("partnerId")) {
            o.put("partnerId", "matrix-new-" + UUID.randomUUID().toString().substring(0, 8));
        } else if (op.path().startsWith("/api/v1/partners/{") && o.has("status")) {
            o.put("status", "ACTIVE");
        }
        return o;
    }

    /** The ETag of the record the operation changes (PUT: its own path; POST action: the path without the action). */
    private static String currentETag(OpenApi.Operation op, Map<String, String> values) {
        String url = op.url(values);
        if ("POST".equals(op.method()) && !op.path().endsWith("}")) {
            url = url.substring(0, url.lastIndexOf('/'));
        }
        Http.Reply r = Http.get(url).token(a.admin).send();
        String etag = r.headers().get("etag");
        return etag == null ? "\"0\"" : etag;
    }

    /** Partner tokens are rate-limited per partner: a 429 is waited out (the window is a minute) and the call repeated. */
    private static Http.Reply sendRespectingRateLimit(Http.Request request) {
        Http.Reply first = request.send();
        if (first.status() != 429) return first;
        AtomicReference<Http.Reply> last = new AtomicReference<>(first);
        Awaitility.await("partner rate limit window").atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    last.set(request.send());
                    return last.get().status() != 429;
                });
        return last.get();
    }

    // ------------------------------------------------------------------------------------------------ report

    private void report(List<Declared> declared, List<String> missing, List<String> invalid, double seconds) {
        StringBuilder out = new StringBuilder();
        Map<Service, Long> perService = declared.stream().collect(Collectors.groupingBy(d -> d.op().service(),
                () -> new EnumMap<>(Service.class), Collectors.counting()));
        int total = callsPerKind.values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format("AuthorizationMatrixIT: %d operations (%s), %d calls in %.1f s%n", declared.size(),
                perService.entrySet().stream().map(e -> e.getKey().artifact + " " + e.getValue())
                        .collect(Collectors.joining(", ")), total, seconds));
        out.append("AuthorizationMatrixIT: calls per caller kind:");
        for (Kind k : Kind.values()) out.append(' ').append(k.declared).append(' ').append(callsPerKind.getOrDefault(k, 0));
        out.append(System.lineSeparator());
        section(out, "missing declarations", missing);
        section(out, "invalid declarations", invalid);
        section(out, "leaks", leaks);
        section(out, "wrongly refused", wronglyRefused);
        section(out, "denied kinds answered other than 401/403/404/422", deniedWithAnotherStatus);
        section(out, "server errors", serverErrors);
        // the whole matrix: status per kind, '*' marks a kind the operation lets through
        out.append("AuthorizationMatrixIT: the matrix (status per kind; * = declared as let through)").append(System.lineSeparator());
        out.append(String.format("  %-62s", "operation"));
        for (Kind k : Kind.values()) out.append(String.format(" %-6s", abbreviation(k)));
        out.append(System.lineSeparator());
        for (Declared d : declared) {
            out.append(String.format("  %-62s", d.op().label()));
            Map<Kind, Integer> row = matrix.get(d.op().label());
            for (Kind k : Kind.values()) {
                Integer s = row.get(k);
                out.append(String.format(" %-6s", (s == null ? "-" : s.toString()) + (d.allowed().contains(k) ? "*" : "")));
            }
            out.append(System.lineSeparator());
        }
        System.out.print(out);
        Path file = Path.of(System.getProperty("stipple.journey.dir", ".")).resolve("target/authorization-matrix.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(StringBuilder out, String title, List<String> items) {
        out.append("AuthorizationMatrixIT: ").append(title).append(": ").append(items.size()).append(System.lineSeparator());
        items.forEach(i -> out.append("  ").append(i).append(System.lineSeparator()));
    }

    private static String abbreviation(Kind k) {
        return switch (k) {
            case FORGED -> "forg";
            case ANONYMOUS -> "anon";
            case SERVICE -> "svc";
            case OTHER_CLINIC_PARTNER -> "BPart";
            case OTHER_CLINIC_STAFF -> "BStaff";
            case UNSHARED_PARTNER -> "unshP";
            case OTHER_CLIENT -> "othCl";
            case SHARED_PARTNER -> "shP";
            case SELF -> "self";
            case STAFF -> "staff";
            case ADMIN -> "admin";
        };
    }
}
