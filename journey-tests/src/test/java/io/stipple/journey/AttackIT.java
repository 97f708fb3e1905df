package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.stack.Service;
import io.stipple.testinfra.DevTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.stipple.journey.OpenApi.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 as a checklist, over every operation of every OpenAPI document: broken authentication
 * (API2: missing and forged tokens), broken object-level authorisation (API1: another clinic's admin, staff and
 * partner — the partner registered by clinic B under the same partner id as clinic A's —, a client token for someone
 * else's records, a partner of the clinic the victim does not share with, on real records), broken object-property-level authorisation (API3: writable
 * {@code clinicId}, {@code status}, {@code id}, {@code version}), unrestricted resource consumption (API4: oversized
 * bodies, huge page sizes) and SSRF (API7: webhook targets on private and metadata addresses).
 *
 * <p>Each test sweeps all operations, collects every violation with its request and response, and fails listing
 * them all.
 */
@ExtendWith(StippleSystem.class)
class AttackIT {

    private static Fixtures a;
    private static UUID clinicB;
    private static List<OpenApi.Operation> operations;

    @BeforeAll
    static void setUp() {
        operations = OpenApi.operations();
        a = Fixtures.create("attack");
        assertThat(a.missing).as("partners of the fixture").noneMatch(m -> m.startsWith("partner"));
        clinicB = UUID.randomUUID();
        // clinic B registers a partner with the very partner id the victim shares with in clinic A
        Http.Reply registered = Fixtures.registerPartner(StippleSystem.admin(clinicB), a.sharedPartner, "Same id, clinic B");
        assertThat(registered.status()).as(registered.describe()).isEqualTo(201);
        a.awaitPartnersAccepted();
        Fixtures.awaitPartnerAccepted(clinicB, a.sharedPartner);
        assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(40);
    }

    // ------------------------------------------------------------------------------------------------ API2

    @Test
    void everySecuredOperationRefusesMissingAndForgedTokens() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("alg none", DevTokens.unsigned(valid()));
        forged.put("HS256 with the public key", DevTokens.hs256SignedWithPublicKey(valid()));
        forged.put("signed with another key", DevTokens.signedWithOtherKey(valid()));
        forged.put("wrong issuer", valid().issuer("https://evil.example").sign());
        forged.put("wrong audience", valid().audience("another-api").sign());
        forged.put("expired", valid().issuedAt(Instant.now().minus(3, ChronoUnit.HOURS))
                .expiresAt(Instant.now().minus(2, ChronoUnit.HOURS)).sign());
        forged.put("garbage", "not.a.jwt");
        List<String> violations = new ArrayList<>();
        List<String> publicOps = new ArrayList<>();
        int requests = 0;
        for (OpenApi.Operation op : operations) {
            if (op.apiKeyHeader().isPresent()) {
                // secured by a link's key (a booking's manage link), not by a bearer token: no key, a bearer token of
                // any kind or a forged key opens nothing — the same 404 as a booking that does not exist
                String header = op.apiKeyHeader().get();
                Map<String, String> keys = new LinkedHashMap<>();
                keys.put("no key", null);
                keys.put("garbage key", "not-a-token");
                keys.put("forged key of the right length", "A".repeat(86));
                for (Map.Entry<String, String> key : keys.entrySet()) {
                    Http.Request call = request(op, a.pathValues(op), a.admin, exampleBody(op, a), Map.of());
                    if (key.getValue() != null) call.header(header, key.getValue());
                    Http.Reply r = call.send();
                    requests++;
                    // a manage link's key: the same 404 as a missing booking; a provider's webhook signature
                    // (Stripe-Signature): 400 invalid-signature, as Stripe expects of a delivery that does not verify
                    boolean refused = r.isProblem() && (r.status() == 404
                            || (r.status() == 400 && r.body().contains("/problems/invalid-signature")));
                    if (!refused) {
                        violations.add(key.getKey() + " (" + header + "): " + r.describe());
                    }
                }
                continue;
            }
            if (!op.secured()) {
                publicOps.add(op.label());
                if (!"GET".equals(op.method())) {
                    violations.add(op.label() + " is documented without security but is not a read");
                }
                continue;
            }
            for (Map.Entry<String, String> token : forged.entrySet()) {
                Http.Reply r = request(op, a.pathValues(op), token.getValue(), exampleBody(op, a), Map.of()).send();
                requests++;
                if (r.status() != 401) {
                    violations.add(token.getKey() + ": " + r.describe());
                } else if (!r.isProblem()) {
                    violations.add(token.getKey() + ": 401 without problem+json: " + r.describe());
                }
            }
        }
        System.out.println("AttackIT authentication: " + requests + " requests; public operations: " + publicOps);
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("operations not refusing a missing or forged token").isEmpty();
        assertThat(requests).isGreaterThan(300);
    }

    private static DevTokens.Builder valid() {
        return DevTokens.builder().subject("attacker").clinic(a.clinicId).roles("admin")
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS));
    }

    // ------------------------------------------------------------------------------------------------ API1

    @Test
    void anotherClinicsTokenReachesNothingOfThisClinic() {
        String intruder = StippleSystem.admin(clinicB);
        String intruderStaff = StippleSystem.staff(clinicB);
        // same partner_id text as the partner the victim shares with, but registered by clinic B (finding 1)
        String intruderPartner = StippleSystem.partner(clinicB, a.sharedPartner);
        List<String> violations = new ArrayList<>();
        int requests = 0;
        for (OpenApi.Operation op : operations) {
            if (!op.secured()) continue;
            for (String token : List.of(intruder, intruderStaff, intruderPartner)) {
                Http.Reply r = request(op, a.pathValues(op), token, bodyWithVictimIds(op), victimQuery()).send();
                requests++;
                String problem = objectLevelViolation(op, r, token, null);
                if (problem != null) violations.add("clinic B " + problem);
            }
        }
        // nothing of clinic A was changed or erased by all of that
        Http.Reply victim = Http.get(StippleSystem.baseUrl(Service.CLIENT) + "/api/v1/clients/" + a.victim).token(a.staff).send();
        assertThat(victim.status()).as("the victim is still there: " + victim.describe()).isEqualTo(200);
        System.out.println("AttackIT another clinic: " + requests + " requests");
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("operations letting another clinic reach this clinic's records").isEmpty();
    }

    @Test
    void aClientTokenReachesOnlyTheClientsOwnRecords() {
        String attacker = a.clientToken(a.other);
        List<String> violations = new ArrayList<>();
        int requests = 0;
        for (OpenApi.Operation op : operations) {
            if (!op.secured()) continue;
            Http.Reply r = request(op, a.pathValues(op), attacker, bodyWithVictimIds(op), victimQuery()).send();
            requests++;
            String problem = objectLevelViolation(op, r, attacker, CLIENT_RECORDS);
            if (problem != null) violations.add("client token of another client: " + problem);
        }
        System.out.println("AttackIT client token: " + requests + " requests");
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("operations letting a client reach another client's records").isEmpty();
    }

    @Test
    void aPartnerTheClientDoesNotShareWithReachesNoneOfTheClientsRecordsNorTheAdminsSubscription() {
        String partner = a.partnerToken(a.unsharedPartner);
        List<String> violations = new ArrayList<>();
        int requests = 0;
        for (OpenApi.Operation op : operations) {
            if (!op.secured()) continue;
            Http.Reply r = request(op, a.pathValues(op), partner, bodyWithVictimIds(op), victimQuery()).send();
            requests++;
            String problem = objectLevelViolation(op, r, partner, PARTNER_PROTECTED);
            if (problem != null) violations.add("partner the victim does not share with: " + problem);
        }
        System.out.println("AttackIT unshared partner: " + requests + " requests");
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("operations letting a partner reach a client that does not share with it, or another subscription")
                .isEmpty();
    }

    /** Path parameters naming one client's records: a client token of another client must never reach these. */
    private static final Set<String> CLIENT_RECORDS = Set.of("clientId", "bookingId", "photoId", "setId", "assessmentId",
            "screeningId", "planId", "notificationId");
    /** What a partner must not reach unless the client shares with it: the client's records and others' subscriptions. */
    private static final Set<String> PARTNER_PROTECTED = Set.of("clientId", "bookingId", "photoId", "setId", "assessmentId",
            "screeningId", "planId", "notificationId", "webhookId", "deliveryId");

    /**
     * Whether the reply to a request aimed at clinic A's records (the victim's ids in path, query and body) gave the
     * caller something: success on a path naming a protected record, the victim's ids in a successful reply's body,
     * or a refusal that tells an existing record from a missing one.
     */
    private String objectLevelViolation(OpenApi.Operation op, Http.Reply r, String token, Set<String> protectedKeys) {
        if (r.status() >= 500 || r.status() < 0) {
            return "server error: " + r.describe();
        }
        boolean pathNamesARecord = op.pathParameterNames().stream()
                .map(p -> Fixtures.key(op, p))
                .anyMatch(k -> a.ids.containsKey(k) && (protectedKeys == null || protectedKeys.contains(k)));
        boolean success = r.status() >= 200 && r.status() < 300;
        if (success && pathNamesARecord) {
            return "succeeded on a record it must not reach: " + r.describe();
        }
        if (success && r.body() != null) {
            for (String key : protectedKeys == null ? PARTNER_PROTECTED : protectedKeys) {
                String id = a.ids.get(key);
                if (id != null && r.body().contains(id)) {
                    return "response shows the victim's " + key + " " + id + ": " + r.describe();
                }
            }
        }
        if (!success && pathNamesARecord && r.status() != 403 && r.status() != 404) {
            // a refusal other than 403/404 must not tell an existing record from a missing one
            Map<String, String> random = new LinkedHashMap<>();
            op.pathParameterNames().forEach(p -> random.put(p, UUID.randomUUID().toString()));
            Http.Reply control = request(op, random, token, bodyWithVictimIds(op), victimQuery()).send();
            if (control.status() != r.status()) {
                return "answers " + r.status() + " for an existing record but " + control.status()
                        + " for a random id (existence leak): " + r.describe();
            }
        }
        return null;
    }

    /** Query values naming the victim's records, for lists filtered by client, booking ... */
    private static Map<String, String> victimQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        for (String key : CLIENT_RECORDS) {
            if (a.ids.containsKey(key)) q.put(key, a.ids.get(key));
        }
        return q;
    }

    /** An example body whose id properties name the victim's records (clientId, photo ids, booking ids ...). */
    private JsonNode bodyWithVictimIds(OpenApi.Operation op) {
        JsonNode body = exampleBody(op, a);
        if (body instanceof ObjectNode o && "POST".equals(op.method()) && op.path().equals("/api/v1/partners")) {
            // the id a clinic chooses for a partner it registers: its own name, not a reference to clinic A's
            // records (the same id in another clinic is another partner)
            o.put("partnerId", "attack-new-" + UUID.randomUUID().toString().substring(0, 8));
            return o;
        }
        if (body instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String key = name.endsWith("PhotoId") ? "photoId" : name;
                if (a.ids.containsKey(key) && o.get(name).isTextual()) {
                    o.put(name, a.ids.get(key));
                }
            }
        }
        return body;
    }

    // ------------------------------------------------------------------------------------------------ API3

    @Test
    void writableServerPropertiesAreIgnoredOrRefused() {
        Map<String, Object> attack = new LinkedHashMap<>();
        attack.put("clinicId", clinicB.toString());
        attack.put("status", "COMPLETED");
        attack.put("id", UUID.randomUUID().toString());
        attack.put("version", 99);
        List<String> violations = new ArrayList<>();
        int requests = 0;
        int accepted = 0;
        int refusedNamingIt = 0;
        for (OpenApi.Operation op : operations) {
            JsonNode schema = op.jsonBodySchema();
            if (schema == null || !op.secured()) continue;
            Set<String> declared = new java.util.HashSet<>();
            schema.path("properties").fieldNames().forEachRemaining(declared::add);
            for (Map.Entry<String, Object> injected : attack.entrySet()) {
                if (declared.contains(injected.getKey())) continue; // a real input of this operation
                JsonNode body = exampleBody(op, a);
                if (!(body instanceof ObjectNode o)) continue;
                o.set(injected.getKey(), JSON.valueToTree(injected.getValue()));
                Http.Reply r = request(op, a.pathValues(op), a.admin, o, Map.of()).header("If-Match", "\"0\"").send();
                requests++;
                if (r.status() >= 500 || r.status() < 0) {
                    violations.add("server error: " + r.describe());
                } else if (r.status() >= 200 && r.status() < 300) {
                    accepted++;
                    JsonNode result = Fixtures.json(r);
                    JsonNode applied = result.path(injected.getKey());
                    if (!applied.isMissingNode() && applied.asText().equals(String.valueOf(injected.getValue()))) {
                        violations.add(injected.getKey() + " applied: " + r.describe());
                    }
                } else if (!r.isProblem()) {
                    violations.add("refusal without problem+json: " + r.describe());
                } else if (r.body() != null && r.body().contains(injected.getKey())) {
                    refusedNamingIt++; // refused because of the injected property, not some other flaw of the body
                }
            }
        }
        System.out.println("AttackIT writable properties: " + requests + " requests: " + accepted
                + " accepted with the property ignored, " + refusedNamingIt + " refused naming the property, the rest "
                + "refused for another reason");
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("server-owned properties taken from a request body").isEmpty();
        assertThat(requests).isGreaterThan(40);
        assertThat(accepted + refusedNamingIt).as("requests whose outcome shows how the property was treated")
                .isGreaterThan(requests / 2);
    }

    @Test
    void aClientRegisteredWithServerOwnedPropertiesKeepsServerValues() {
        String body = """
                {"firstName":"Mallory","lastName":"Attacker","email":"mallory.%s@example.com","dateOfBirth":"1980-01-01",
                 "sex":"MALE","timeZone":"Europe/London","locale":"en-GB","marketingOptIn":false,
                 "clinicId":"%s","id":"%s","version":42,"status":"ERASED"}""".formatted(UUID.randomUUID(), clinicB,
                UUID.randomUUID());
        Http.Reply r = Http.post(StippleSystem.baseUrl(Service.CLIENT) + "/api/v1/clients").token(a.staff).json(body).send();
        if (r.status() == 201) {
            String id = Fixtures.json(r).path("id").asText();
            Http.Reply asB = Http.get(StippleSystem.baseUrl(Service.CLIENT) + "/api/v1/clients/" + id)
                    .token(StippleSystem.staff(clinicB)).send();
            assertThat(asB.status()).as("clinic B cannot see it: " + asB.describe()).isEqualTo(404);
            assertThat(Fixtures.json(r).path("version").asLong()).isNotEqualTo(42);
        } else {
            assertThat(r.status()).as(r.describe()).isEqualTo(400);
            assertThat(r.isProblem()).as(r.describe()).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------------ API4

    @Test
    void oversizedBodiesAreRefusedNeverA5xx() {
        byte[] huge = ("{\"notes\":\"" + "A".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        int requests = 0;
        for (OpenApi.Operation op : operations) {
            if (!op.hasBody()) continue;
            Http.Reply r = Http.raw(op.method(), op.url(a.pathValues(op)), a.admin,
                    op.multipart() ? "multipart/form-data; boundary=x" : "application/json", huge, op.label() + " (5 MB body)");
            requests++;
            if (r.status() < 0) {
                violations.add("no response instead of a 413: " + r.describe());
            } else if (r.status() != 413 && r.status() != 400 && !(op.multipart() && r.status() == 415)) {
                violations.add("expected 413 or 400: " + r.describe());
            } else if (!r.isProblem()) {
                violations.add("refused without problem+json: " + r.describe());
            }
        }
        System.out.println("AttackIT oversized bodies: " + requests + " requests");
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("oversized bodies").isEmpty();
        assertThat(requests).isGreaterThan(10);
    }

    @Test
    void hugePageSizesAreCappedOrRefused() {
        List<String> violations = new ArrayList<>();
        int lists = 0;
        for (OpenApi.Operation op : operations) {
            if (!"GET".equals(op.method()) || op.parameters("query").stream().noneMatch(p -> "size".equals(p.path("name").asText()))) {
                continue;
            }
            lists++;
            String url = op.url(a.pathValues(op)) + op.exampleQuery(Map.of("size", "10000"));
            Http.Reply r = Http.get(url).token(op.secured() ? a.admin : null).send();
            if (r.status() == 400) {
                if (!r.isProblem()) violations.add("400 without problem+json: " + r.describe());
            } else if (r.status() == 200) {
                JsonNode page = Fixtures.json(r);
                if (page.path("size").asInt(0) > 100 || page.path("items").size() > 100) {
                    violations.add("page size not capped: " + r.describe());
                }
            } else {
                violations.add("expected 400 or a capped page: " + r.describe());
            }
        }
        System.out.println("AttackIT page sizes: " + lists + " list operations");
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("page size 10,000").isEmpty();
        assertThat(lists).isGreaterThan(10);
    }

    // ------------------------------------------------------------------------------------------------ API7

    @Test
    void webhookTargetsOnPrivateOrMetadataAddressesAreRefused() {
        String webhooks = StippleSystem.baseUrl(Service.NOTIFICATION) + "/api/v1/webhooks";
        List<String> targets = List.of(
                "https://127.0.0.1/hook", "http://127.0.0.1:8083/api/v1/webhooks", "https://10.0.0.1/hook",
                "https://172.16.0.5/hook", "https://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data/",
                "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://localhost/hook",
                "https://0.0.0.0/hook", "https://2130706433/hook", "https://0x7f000001/hook", "https://[fd00::1]/hook",
                "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO");
        List<String> violations = new ArrayList<>();
        for (String target : targets) {
            Http.Reply r = Http.post(webhooks).token(a.admin).json("""
                    {"url":"%s","eventTypes":["BookingConfirmed"],"description":"ssrf"}""".formatted(target))
                    .label("POST /api/v1/webhooks url=" + target).send();
            if (r.status() != 400 && r.status() != 422) {
                violations.add(r.describe());
            } else if (!r.isProblem()) {
                violations.add("refused without problem+json: " + r.describe());
            }
        }
        Http.Reply list = Http.get(webhooks + "?size=100").token(a.admin).send();
        assertThat(list.status()).as(list.describe()).isEqualTo(200);
        for (String target : targets) {
            assertThat(list.body()).as("no subscription was stored for " + target).doesNotContain("\"" + target + "\"");
        }
        // the control: a public address is accepted, so the refusals above are about the address
        Http.Reply control = Http.post(webhooks).token(a.admin).json("""
                {"url":"https://203.0.113.10/stipple/hook","eventTypes":["BookingConfirmed"],"description":"control"}""")
                .send();
        assertThat(control.status()).as("a public target is accepted: " + control.describe()).isEqualTo(201);
        assertThat(KnownFindings.unexpected("AttackIT", violations))
                .as("webhook targets that must be refused").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * A valid example body of the operation, with this clinic's real ids in id-like properties. A consent grant is a
     * partner-sharing grant to the fixture's shared partner (the one scope whose {@code partnerId} is not refused, and
     * a partner the clinic has registered).
     */
    static JsonNode exampleBody(OpenApi.Operation op, Fixtures f) {
        JsonNode schema = op.jsonBodySchema();
        if (schema == null) return null;
        JsonNode body = OpenApi.example(op.doc(), schema, 0);
        if (body instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.endsWith("Id") && f.ids.containsKey(name) && o.get(name).isTextual()) {
                    o.put(name, f.ids.get(name));
                }
            }
            if (op.path().endsWith("/consents") && o.has("scope") && o.has("partnerId")) {
                o.put("scope", "PARTNER_SHARING");
                o.put("partnerId", f.sharedPartner);
            }
        }
        return body;
    }

    /** The operation with these path values, a token and a JSON body (or an empty multipart form). */
    static Http.Request request(OpenApi.Operation op, Map<String, String> pathValues, String token, JsonNode body,
                                Map<String, String> query) {
        Http.Request r = Http.request(op.method(), op.url(pathValues) + op.exampleQuery(query)).token(token)
                .label(op.label() + " " + pathValues.values());
        if (body != null) {
            r.json(body.toString());
        } else if (op.multipart()) {
            r.body("multipart/form-data; boundary=b", "--b--\r\n".getBytes(StandardCharsets.UTF_8));
        } else if (op.hasBody()) {
            r.json("{}");
        }
        return r;
    }
}
