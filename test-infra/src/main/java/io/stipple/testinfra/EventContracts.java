package io.stipple.testinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts in {@code docs/asyncapi/<service>.yaml}: producers check what they publish against
 * a message's schema; consumers are fed the documented example, so both sides are tested against the
 * same document.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, EventContracts> CACHE = new ConcurrentHashMap<>();

    private final Path file;
    private final JsonNode document;

    private EventContracts(Path file, JsonNode document) {
        this.file = file;
        this.document = document;
    }

    /** The contract of a publishing service, found as {@code docs/asyncapi/<service>.yaml} above the working directory. */
    public static EventContracts forService(String service) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("asyncapi").resolve(service + ".yaml");
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no docs/asyncapi/" + service + ".yaml above " + System.getProperty("user.dir"));
    }

    public static EventContracts load(Path file) {
        return CACHE.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return new EventContracts(f, new ObjectMapper(new YAMLFactory()).readTree(f.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    public Set<String> messageNames() {
        Set<String> names = new LinkedHashSet<>();
        document.path("components").path("messages").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The violations of a message's schema (empty when the event is valid). */
    public List<String> validate(String messageName, String cloudEventJson) {
        JsonNode schemaNode = inline(message(messageName).path("payload"), 0);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
        JsonNode event;
        try {
            event = JSON.readTree(cloudEventJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(event)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    /** Fails with every violation listed when the event does not match the documented message. */
    public void assertValid(String messageName, String cloudEventJson) {
        List<String> problems = validate(messageName, cloudEventJson);
        if (!problems.isEmpty()) {
            throw new AssertionError(messageName + " does not match " + file.getFileName() + ": " + problems
                    + "\nevent: " + cloudEventJson);
        }
    }

    /** The documented example CloudEvent of a message, as JSON text. */
    public String example(String messageName) {
        return exampleNode(messageName).toString();
    }

    /** A mutable copy of the documented example, for a test to put its own ids in ({@code data} is an object). */
    public ObjectNode exampleNode(String messageName) {
        JsonNode examples = message(messageName).path("examples");
        if (!examples.isArray() || examples.isEmpty()) {
            throw new IllegalStateException(messageName + " has no example in " + file);
        }
        return (ObjectNode) examples.get(0).path("payload").deepCopy();
    }

    private JsonNode message(String name) {
        JsonNode message = document.path("components").path("messages").path(name);
        if (message.isMissingNode()) {
            throw new IllegalArgumentException("no message " + name + " in " + file + "; it has " + messageNames());
        }
        return message;
    }

    /** Replaces local {@code $ref}s with what they point at, so the schema stands alone. */
    private JsonNode inline(JsonNode node, int depth) {
        if (depth > 50) {
            throw new IllegalStateException("$ref cycle in " + file);
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                return inline(document.at(ref.asText().substring(1)), depth + 1);
            }
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), inline(field.getValue(), depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(inline(item, depth + 1)));
            return copy;
        }
        return node;
    }
}
