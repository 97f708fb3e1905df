package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.stack.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The services' OpenAPI documents as the tests read them: fetched from the running services (and saved to
 * {@code journey-tests/target/openapi/<service>.json} for the API lint), split into operations, with valid example
 * values generated from the schemas.
 */
public final class OpenApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static Map<Service, JsonNode> documents;

    /** The four documents, fetched once per JVM and saved under {@code target/openapi}. */
    public static synchronized Map<Service, JsonNode> documents() {
        if (documents == null) {
            Map<Service, JsonNode> docs = new LinkedHashMap<>();
            Path dir = Path.of(System.getProperty("stipple.journey.dir", ".")).resolve("target/openapi");
            try {
                Files.createDirectories(dir);
                for (Service s : Service.values()) {
                    Http.Reply r = Http.get(StippleSystem.baseUrl(s) + "/q/openapi?format=json").send();
                    if (r.status() != 200) {
                        throw new AssertionError("OpenAPI document of " + s.artifact + ": " + r.describe());
                    }
                    JsonNode doc = JSON.readTree(r.body());
                    Files.writeString(dir.resolve(s.artifact + ".json"), JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(doc));
                    docs.put(s, doc);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            documents = docs;
        }
        return documents;
    }

    /** Every operation of every document. */
    public static List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        documents().forEach((service, doc) -> doc.path("paths").fields().forEachRemaining(path -> {
            JsonNode pathItem = path.getValue();
            pathItem.fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    all.add(new Operation(service, doc, op.getKey().toUpperCase(), path.getKey(), op.getValue(),
                            pathItem.path("parameters")));
                }
            });
        }));
        return all;
    }

    /** One operation of one service. */
    public record Operation(Service service, JsonNode doc, String method, String path, JsonNode node,
                            JsonNode pathLevelParameters) {

        public String label() {
            return service.artifact + " " + method + " " + path;
        }

        /** The security schemes the operation (or the document) requires, by name; empty for a public operation. */
        public List<String> securitySchemes() {
            JsonNode security = node.has("security") ? node.get("security") : doc.path("security");
            List<String> names = new ArrayList<>();
            for (JsonNode requirement : security) {
                requirement.fieldNames().forEachRemaining(names::add);
            }
            return names;
        }

        /** Secured by a bearer token (JWT): refused without a valid one. */
        public boolean secured() {
            return securitySchemes().stream().anyMatch(name -> "http".equals(scheme(name).path("type").asText()));
        }

        /**
         * The header of the API key the operation is secured by instead of a bearer token (a booking's manage link:
         * {@code Manage-Token}); empty for bearer-secured and public operations.
         */
        public java.util.Optional<String> apiKeyHeader() {
            if (secured()) return java.util.Optional.empty();
            return securitySchemes().stream().map(this::scheme)
                    .filter(s -> "apiKey".equals(s.path("type").asText()) && "header".equals(s.path("in").asText()))
                    .map(s -> s.path("name").asText()).findFirst();
        }

        private JsonNode scheme(String name) {
            return doc.path("components").path("securitySchemes").path(name);
        }

        public List<JsonNode> parameters(String in) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                JsonNode resolved = resolve(p);
                if (in.equals(resolved.path("in").asText())) out.add(resolved);
            }
            for (JsonNode p : pathLevelParameters) {
                JsonNode resolved = resolve(p);
                if (in.equals(resolved.path("in").asText())
                        && out.stream().noneMatch(o -> o.path("name").equals(resolved.path("name")))) out.add(resolved);
            }
            return out;
        }

        public List<String> pathParameterNames() {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) names.add(m.group(1));
            return names;
        }

        /** The JSON request body's schema (resolved), or null when the operation takes none. */
        public JsonNode jsonBodySchema() {
            JsonNode content = node.path("requestBody").path("content");
            Iterator<String> types = content.fieldNames();
            while (types.hasNext()) {
                String type = types.next();
                if (type.contains("json")) return resolve(content.get(type).path("schema"));
            }
            return null;
        }

        public boolean multipart() {
            return node.path("requestBody").path("content").has("multipart/form-data");
        }

        public boolean hasBody() {
            return node.has("requestBody");
        }

        public boolean requiredBody() {
            return node.path("requestBody").path("required").asBoolean(false);
        }

        /** Follows a {@code $ref} within this document. */
        public JsonNode resolve(JsonNode schema) {
            return OpenApi.resolve(doc, schema);
        }

        /** The URL with each path parameter replaced. */
        public String url(Map<String, String> pathValues) {
            String p = path;
            for (String name : pathParameterNames()) {
                String v = pathValues.get(name);
                p = p.replace("{" + name + "}", v == null ? UUID.randomUUID().toString() : v);
            }
            return StippleSystem.baseUrl(service) + p;
        }

        /** A query string of example values for the required query parameters (and {@code extra} as given). */
        public String exampleQuery(Map<String, String> values) {
            StringBuilder q = new StringBuilder();
            for (JsonNode p : parameters("query")) {
                String name = p.path("name").asText();
                String v = values.get(name);
                if (v == null && p.path("required").asBoolean(false)) {
                    JsonNode ex = example(doc, p.path("schema"), 0);
                    v = p.has("example") ? p.get("example").asText() : ex.isValueNode() ? ex.asText() : null;
                }
                if (v != null) {
                    q.append(q.length() == 0 ? "?" : "&").append(name).append('=')
                            .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return q.toString();
        }

        @Override
        public String toString() {
            return label();
        }
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        int guard = 0;
        while (schema != null && schema.has("$ref") && guard++ < 20) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) return schema;
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            schema = target;
        }
        if (schema != null && schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode props = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : schema.get("allOf")) {
                JsonNode r = resolve(doc, part);
                r.path("properties").fields().forEachRemaining(f -> props.set(f.getKey(), f.getValue()));
                r.path("required").forEach(required::add);
                if (r.has("type") && !"object".equals(r.get("type").asText())) return r;
            }
            return merged;
        }
        return schema;
    }

    /** The schema's type, tolerating OpenAPI 3.1 type arrays ({@code ["string", "null"]}). */
    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) if (!"null".equals(x.asText())) return x.asText();
            return "null";
        }
        if (t.isTextual()) return t.asText();
        if (schema.has("properties")) return "object";
        if (schema.has("items")) return "array";
        if (schema.has("enum")) return "string";
        return "";
    }

    /** A valid example value for the schema: its example, else a value built from type, format and constraints. */
    public static JsonNode example(JsonNode doc, JsonNode raw, int depth) {
        JsonNode schema = resolve(doc, raw);
        if (schema == null || schema.isMissingNode()) return NODES.textNode("x");
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode first = (schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0);
            return example(doc, first, depth);
        }
        String type = type(schema);
        if (schema.has("example") && !schema.get("example").isNull() && !"object".equals(type) && !"array".equals(type)) {
            JsonNode ex = schema.get("example");
            // a textual example of a non-string (e.g. "[\"EMAIL\"]") is parsed
            if (ex.isTextual() && !"string".equals(type) && !type.isEmpty()) {
                try {
                    return JSON.readTree(ex.asText());
                } catch (IOException e) {
                    // fall through to a generated value
                }
            } else if (!ex.isTextual() || "string".equals(type) || type.isEmpty()) {
                if (!"null".equals(ex.asText())) return ex;
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            for (JsonNode e : schema.get("enum")) if (!e.isNull()) return e;
        }
        String format = schema.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (depth > 6) return o;
                JsonNode required = schema.path("required");
                schema.path("properties").fields().forEachRemaining(f -> {
                    JsonNode prop = resolve(doc, f.getValue());
                    if (prop.path("readOnly").asBoolean(false)) return;
                    boolean isRequired = false;
                    for (JsonNode r : required) isRequired |= r.asText().equals(f.getKey());
                    JsonNode v = example(doc, f.getValue(), depth + 1);
                    if (v != null && (isRequired || !v.isNull())) o.set(f.getKey(), v);
                });
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                if (schema.has("example") && schema.get("example").isArray()) return schema.get("example");
                if (schema.has("example") && schema.get("example").isTextual()) {
                    try {
                        JsonNode parsed = JSON.readTree(schema.get("example").asText());
                        if (parsed.isArray()) return parsed;
                    } catch (IOException e) {
                        // generated below
                    }
                }
                if (depth > 6) return a;
                a.add(example(doc, schema.path("items"), depth + 1));
                return a;
            }
            case "integer": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : Long.MAX_VALUE;
                return NODES.numberNode(Math.min(Math.max(min, 1), max));
            }
            case "number":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.5);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return NODES.textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> LocalDate.ofInstant(StippleSystem.now(), java.time.ZoneOffset.UTC).plusDays(7).toString();
                    case "date-time" -> StippleSystem.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
                    case "email" -> "someone@example.com";
                    case "uri", "url" -> "https://partner.example.com/hook";
                    default -> {
                        int min = schema.path("minLength").asInt(1);
                        yield "x".repeat(Math.max(1, Math.min(min, 50)));
                    }
                });
        }
    }

    private OpenApi() {
    }
}
