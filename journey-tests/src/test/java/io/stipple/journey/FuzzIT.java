package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.stack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.stipple.journey.OpenApi.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input fuzzing of every operation of every OpenAPI document, with a valid admin token of a clinic that has real
 * records (so requests get past "not found" into the handlers): malformed and boundary path parameters, query
 * parameters, headers and bodies — wrong types, missing and extra fields, huge strings, bad dates and UUIDs,
 * negative and huge numbers, unknown enum values, broken JSON. Every reply must be below 500, and every 4xx an
 * {@code application/problem+json} document. Prints how many requests were tried per service and in total.
 */
@ExtendWith(StippleSystem.class)
class FuzzIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The sweep stops generating new requests after this long (the class must stay well under 3 minutes). */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("stipple.fuzz.budget-seconds", 120));

    private static Fixtures f;
    private static List<OpenApi.Operation> operations;

    @BeforeAll
    static void setUp() {
        operations = OpenApi.operations();
        f = Fixtures.create("fuzz");
    }

    /** One generated request and what it mutates. */
    private record Case(OpenApi.Operation op, String what, Supplier<Http.Request> request) {
    }

    @Test
    void malformedAndBoundaryInputNeverGetsA5xxAndIsAnsweredWithAProblem() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (OpenApi.Operation op : operations) {
            cases.addAll(casesFor(op));
        }
        Collections.shuffle(cases, new java.util.Random(42)); // spread load over the services
        Map<Service, AtomicInteger> tried = new EnumMap<>(Service.class);
        for (Service s : Service.values()) tried.put(s, new AtomicInteger());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, Boolean> reported = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) return;
                    Http.Reply r = c.request().get().label(c.op().label() + " [" + c.what() + "]").send();
                    if (r.status() == Http.NOT_SENDABLE) return;
                    tried.get(c.op().service()).incrementAndGet();
                    byStatus.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                    String problem = null;
                    if (r.status() < 0) {
                        problem = "no response: " + r.describe();
                    } else if (r.status() >= 500) {
                        problem = "server error: " + r.describe();
                    } else if (r.status() >= 400 && !r.isProblem()) {
                        problem = "4xx without problem+json: " + r.describe();
                    }
                    // one line per operation and kind of input is enough to act on
                    if (problem != null && reported.putIfAbsent(c.op().label() + c.what().replaceAll("=.*", "")
                            + r.status(), true) == null) {
                        violations.add(problem);
                    }
                }));
            }
            for (Future<?> future : futures) future.get();
        } finally {
            pool.shutdownNow();
        }
        int total = tried.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("FuzzIT: %d requests in %.1f s (%d generated)%n", total, (System.nanoTime() - t0) / 1e9,
                cases.size());
        tried.forEach((s, n) -> System.out.printf("FuzzIT:   %-21s %6d requests%n", s.artifact, n.get()));
        System.out.println("FuzzIT: replies by status " + new java.util.TreeMap<>(byStatus));
        assertThat(KnownFindings.unexpected("FuzzIT", violations)).as("replies to malformed input that were a 5xx or not a problem")
                .isEmpty();
        assertThat(total).as("requests tried").isGreaterThan(2000);
        tried.forEach((s, n) -> assertThat(n.get()).as("requests tried on " + s.artifact).isGreaterThan(150));
    }

    // ------------------------------------------------------------------------------------------------ generators

    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "1", "-1", "0",
            "00000000-0000-0000-0000-000000000000", "%27%20OR%20%271%27%3D%271", "%00", "..%2F..%2Fetc%2Fpasswd",
            "%E2%98%83", "x".repeat(1500), "5b1c8a3e-2f4d-4c6b-9a7e-1d2c3b4a5f6", "5b1c8a3e2f4d4c6b9a7e1d2c3b4a5f60z",
            "%7B%7D", "null", "undefined", "NaN");

    private static final List<String> BAD_QUERY_VALUES = List.of("", "not-a-uuid", "-1", "0", "99999999999999999999",
            "1.5", "2026-13-45", "2026-02-30T25:61:00Z", "yesterday", "NOT_AN_ENUM", "true", "%00", "x".repeat(1500),
            "%27%3B%20DROP%20TABLE%20clients%3B--", "1e309", "-2147483649",
            // dates PostgreSQL cannot store or no clinic means (issue 16): 400, never 500
            "%2B300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z", "-5000-01-01");

    private List<Case> casesFor(OpenApi.Operation op) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> path = f.pathValues(op);
        if ("DELETE".equals(op.method())) {
            path.replaceAll((k, v) -> UUID.randomUUID().toString()); // keep the fixtures
        }
        JsonNode body = AttackIT.exampleBody(op, f);
        String token = op.secured() ? f.admin : null;

        // path parameters
        for (String p : op.pathParameterNames()) {
            for (String bad : BAD_PATH_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(path);
                values.put(p, bad);
                cases.add(new Case(op, "path " + p + "=" + abbreviate(bad),
                        () -> base(op, op.url(values) + op.exampleQuery(Map.of()), token, body)));
            }
        }
        // query parameters, one at a time, plus an unknown one
        for (JsonNode param : op.parameters("query")) {
            String name = param.path("name").asText();
            for (String bad : BAD_QUERY_VALUES) {
                String encoded = bad.contains("%") ? bad : java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8);
                cases.add(new Case(op, "query " + name + "=" + abbreviate(bad), () -> {
                    String query = op.exampleQuery(Map.of(name, "PLACEHOLDER")).replace("PLACEHOLDER", encoded);
                    return base(op, op.url(path) + query, token, body);
                }));
            }
            cases.add(new Case(op, "query " + name + " twice",
                    () -> base(op, op.url(path) + op.exampleQuery(Map.of(name, "1")) + "&" + name + "=2", token, body)));
        }
        cases.add(new Case(op, "unknown query parameter", () -> base(op, op.url(path) + appendQuery(op, "zzz=%00"), token, body)));
        // headers
        for (JsonNode header : op.parameters("header")) {
            String name = header.path("name").asText();
            for (String bad : List.of("", "garbage", "\"-1\"", "\"99999999999999999999\"", "W/\"1\"", "*", "x".repeat(5000),
                    "\"1\", \"2\"")) {
                cases.add(new Case(op, "header " + name + "=" + abbreviate(bad),
                        () -> base(op, op.url(path) + op.exampleQuery(Map.of()), token, body).header(name, bad.isEmpty() ? " " : bad)));
            }
        }
        // bodies
        if (op.jsonBodySchema() != null) {
            cases.addAll(bodyCases(op, path, token, body));
        } else if (op.multipart()) {
            cases.addAll(multipartCases(op, path, token));
        }
        return cases;
    }

    private List<Case> bodyCases(OpenApi.Operation op, Map<String, String> path, String token, JsonNode valid) {
        List<Case> cases = new ArrayList<>();
        String url = op.url(path) + op.exampleQuery(Map.of());
        List<String> raw = new ArrayList<>(List.of("", "null", "[]", "{", "}", "\"text\"", "123", "true", "{\"a\":",
                "{\"a\" 1}", "not json at all", "{}", "[{}]", "{\"\":\"\"}", "\uFEFF{}", "{\"x\":1,\"x\":2}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"a\":\"\\ud800\"}", "{\"a\":1e99999}"));
        for (String r : raw) {
            cases.add(new Case(op, "body " + abbreviate(r), () -> Http.request(op.method(), url).token(token).json(r)));
        }
        cases.add(new Case(op, "body as text/plain", () -> Http.request(op.method(), url).token(token)
                .body("text/plain", String.valueOf(valid).getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(op, "body as XML", () -> Http.request(op.method(), url).token(token)
                .body("application/xml", "<a>1</a>".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(op, "no content type", () -> Http.request(op.method(), url).token(token)
                .body("", String.valueOf(valid).getBytes(StandardCharsets.UTF_8))));
        if (!(valid instanceof ObjectNode object)) {
            return cases;
        }
        ObjectNode extra = object.deepCopy();
        extra.put("unexpectedField", "x");
        cases.add(new Case(op, "extra field", () -> Http.request(op.method(), url).token(token).json(extra.toString())));
        for (String field : fieldNames(object)) {
            JsonNode schema = op.resolve(op.jsonBodySchema().path("properties").path(field));
            for (Map.Entry<String, JsonNode> m : mutations(schema).entrySet()) {
                ObjectNode mutated = object.deepCopy();
                if (m.getValue() == null) mutated.remove(field);
                else mutated.set(field, m.getValue());
                cases.add(new Case(op, "field " + field + " " + m.getKey(),
                        () -> Http.request(op.method(), url).token(token).json(mutated.toString())));
            }
            // one level down: nested objects (address, price, pigment ...) and the first array element
            JsonNode nested = object.get(field);
            ObjectNode inner = nested instanceof ObjectNode o ? o
                    : nested instanceof ArrayNode a && a.size() > 0 && a.get(0) instanceof ObjectNode o2 ? o2 : null;
            if (inner != null) {
                JsonNode innerSchema = op.resolve(schema.has("items") ? op.resolve(schema.get("items")) : schema);
                for (String innerField : fieldNames(inner)) {
                    JsonNode s = op.resolve(innerSchema.path("properties").path(innerField));
                    for (Map.Entry<String, JsonNode> m : mutations(s).entrySet()) {
                        ObjectNode mutated = object.deepCopy();
                        JsonNode target = mutated.get(field);
                        ObjectNode t = target instanceof ObjectNode o ? o : (ObjectNode) target.get(0);
                        if (m.getValue() == null) t.remove(innerField);
                        else t.set(innerField, m.getValue());
                        cases.add(new Case(op, "field " + field + "." + innerField + " " + m.getKey(),
                                () -> Http.request(op.method(), url).token(token).json(mutated.toString())));
                    }
                }
            }
        }
        return cases;
    }

    /** Bad values for a property of this schema (null value = the property removed). */
    private static Map<String, JsonNode> mutations(JsonNode schema) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        String type = OpenApi.type(schema);
        String format = schema.path("format").asText("");
        m.put("missing", null);
        m.put("null", NODES.nullNode());
        m.put("huge string", NODES.textNode("Ω".repeat(100_000)));
        m.put("object", NODES.objectNode().put("a", 1));
        m.put("array", NODES.arrayNode().add(1).add("two"));
        switch (type) {
            case "integer", "number" -> {
                // at and beyond the bounds the document declares, and beyond the type's (int32, int64, a double)
                if (schema.has("maximum")) {
                    m.put("at maximum", NODES.numberNode(schema.get("maximum").decimalValue()));
                    m.put("beyond maximum", NODES.numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
                }
                if (schema.has("minimum")) {
                    m.put("below minimum", NODES.numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
                }
                m.put("max int32", NODES.numberNode(Integer.MAX_VALUE));
                m.put("beyond int32", NODES.numberNode(Integer.MAX_VALUE + 1L));
                m.put("max long", NODES.numberNode(Long.MAX_VALUE));
                m.put("beyond double", NODES.numberNode(new java.math.BigDecimal("1e400")));
                m.put("string", NODES.textNode("abc"));
                m.put("negative", NODES.numberNode(-1));
                m.put("min long", NODES.numberNode(Long.MIN_VALUE));
                m.put("beyond long", NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
                m.put("fraction", NODES.numberNode(1.5));
                m.put("boolean", NODES.booleanNode(true));
            }
            case "boolean" -> {
                m.put("string", NODES.textNode("yes"));
                m.put("number", NODES.numberNode(2));
            }
            case "array" -> {
                m.put("string", NODES.textNode("[]"));
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 2000; i++) many.add("x" + i);
                m.put("2000 items", many);
                if (schema.has("maxItems")) {
                    ArrayNode beyond = NODES.arrayNode();
                    boolean strings = "string".equals(schema.path("items").path("type").asText());
                    for (int i = 0; i <= schema.get("maxItems").asInt() && i < 5000; i++) {
                        beyond.add(strings ? NODES.textNode("x" + i) : NODES.numberNode(i));
                    }
                    m.put("beyond maxItems", beyond);
                }
                m.put("null item", NODES.arrayNode().addNull());
            }
            case "object" -> {
                m.put("string", NODES.textNode("{}"));
                m.put("empty object", NODES.objectNode());
            }
            default -> {
                m.put("number", NODES.numberNode(12345));
                m.put("boolean", NODES.booleanNode(false));
                m.put("empty", NODES.textNode(""));
                m.put("blank", NODES.textNode("   "));
                m.put("control chars", NODES.textNode("a\u0000b\u0007c\u001b"));
                if (schema.has("maxLength") && schema.get("maxLength").asInt() < 100_000) {
                    // at and beyond the declared length, in characters outside ASCII (a varchar counts characters)
                    int max = schema.get("maxLength").asInt();
                    m.put("at maxLength", NODES.textNode("é".repeat(max)));
                    m.put("beyond maxLength", NODES.textNode("é".repeat(max + 1)));
                }
                m.put("script", NODES.textNode("<script>alert(1)</script>"));
                if (!format.isEmpty() || schema.has("enum")) {
                    m.put("bad value", NODES.textNode("NOT_A_VALID_VALUE"));
                }
                if (format.equals("date") || format.equals("date-time") || format.equals("partial-time")
                        || format.equals("local-time")) {
                    m.put("bad date", NODES.textNode("2026-13-45"));
                    m.put("bad time", NODES.textNode("2026-02-30T25:61:00Z"));
                    m.put("year 0", NODES.textNode("0000-01-01T00:00:00Z"));
                    m.put("last instant of 9999", NODES.textNode("9999-12-31T23:59:59.999999999Z"));
                    m.put("year 10000", NODES.textNode("+10000-01-01T00:00:00Z"));
                    m.put("first day of year 1", NODES.textNode("0001-01-01"));
                    m.put("year 99999", NODES.textNode("+99999-01-01T00:00:00Z"));
                    m.put("year -5000", NODES.textNode("-5000-01-01T00:00:00Z"));
                    m.put("year 300000", NODES.textNode("+300000-01-01T00:00:00Z"));
                    m.put("date year -5000", NODES.textNode("-5000-01-01"));
                    m.put("no offset", NODES.textNode("2026-12-01T10:00:00"));
                    m.put("epoch", NODES.numberNode(1767225600));
                    m.put("time", NODES.textNode("25:99"));
                }
                if (format.equals("uuid")) {
                    m.put("bad uuid", NODES.textNode("5b1c8a3e-2f4d-4c6b-9a7e"));
                    m.put("nil uuid", NODES.textNode("00000000-0000-0000-0000-000000000000"));
                    m.put("random uuid", NODES.textNode(UUID.randomUUID().toString()));
                }
                if (schema.has("enum")) {
                    m.put("lower-case enum", NODES.textNode(schema.get("enum").get(0).asText().toLowerCase()));
                }
            }
        }
        return m;
    }

    private List<Case> multipartCases(OpenApi.Operation op, Map<String, String> path, String token) {
        List<Case> cases = new ArrayList<>();
        String url = op.url(path);
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("clientId", f.victim.toString());
        valid.put("phase", "BEFORE");
        valid.put("angle", "TOP");
        valid.put("takenAt", "2026-01-10T10:00:00Z");
        valid.put("sessionNumber", "1");
        for (String field : List.of("clientId", "phase", "angle", "takenAt", "sessionNumber", "bookingId")) {
            for (String bad : List.of("", "not-valid", "-1", "99999999999999999999", "2026-13-45", "x".repeat(3000),
                    "00000000-0000-0000-0000-000000000000", "%00", "-5000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z")) {
                Map<String, String> fields = new LinkedHashMap<>(valid);
                fields.put(field, bad);
                cases.add(new Case(op, "part " + field + "=" + abbreviate(bad), () -> multipart(url, token, fields,
                        Fixtures.png(java.awt.Color.BLUE, "fuzz"), "image/png")));
            }
            Map<String, String> without = new LinkedHashMap<>(valid);
            without.remove(field);
            cases.add(new Case(op, "part " + field + " missing", () -> multipart(url, token, without,
                    Fixtures.png(java.awt.Color.BLUE, "fuzz"), "image/png")));
        }
        for (Map.Entry<String, byte[]> file : Map.of(
                "text file", "hello".getBytes(StandardCharsets.UTF_8),
                "empty file", new byte[0],
                "truncated png", java.util.Arrays.copyOf(Fixtures.png(java.awt.Color.RED, "t"), 60),
                "svg with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "gif header only", "GIF89a".getBytes(StandardCharsets.US_ASCII)).entrySet()) {
            cases.add(new Case(op, "file " + file.getKey(), () -> multipart(url, token, valid, file.getValue(), "image/png")));
        }
        cases.add(new Case(op, "no file", () -> multipart(url, token, valid, null, null)));
        cases.add(new Case(op, "broken multipart", () -> Http.request(op.method(), url).token(token)
                .body("multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data\r\n\r\nabc"
                        .getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(op, "multipart without boundary", () -> Http.request(op.method(), url).token(token)
                .body("multipart/form-data", "abc".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(op, "JSON instead of multipart", () -> Http.request(op.method(), url).token(token).json("{}")));
        return cases;
    }

    private static Http.Request multipart(String url, String token, Map<String, String> fields, byte[] file, String type) {
        String boundary = "fuzz" + UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.png\"\r\n"
                    + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Http.post(url).token(token).body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static Http.Request base(OpenApi.Operation op, String url, String token, JsonNode body) {
        Http.Request r = Http.request(op.method(), url).token(token);
        if (body != null) r.json(body.toString());
        return r;
    }

    private static String appendQuery(OpenApi.Operation op, String extra) {
        String q = op.exampleQuery(Map.of());
        return q.isEmpty() ? "?" + extra : q + "&" + extra;
    }

    private static List<String> fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : s;
    }

    static {
        JSON.getFactory(); // the shared mapper is initialised before the pool threads use it
    }
}
