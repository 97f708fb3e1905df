package io.stipple.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** YAML parsing and small helpers over Jackson trees for Kubernetes resources. */
final class Yaml {
    static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every non-empty document of a (multi-document) YAML text, each a mapping. */
    static List<ObjectNode> documents(String text, String origin) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new IllegalArgumentException(origin + ": a document is not a mapping: " + doc);
                }
                docs.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": invalid YAML", e);
        }
        return docs;
    }

    static List<ObjectNode> documents(Path file) {
        try {
            return documents(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    static String kind(JsonNode resource) {
        return resource.path("kind").asText("");
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText("");
    }

    static String namespace(JsonNode resource) {
        return resource.path("metadata").path("namespace").asText("");
    }

    /** kind/namespace/name: how a resource is identified when comparing renders. */
    static String id(JsonNode resource) {
        return kind(resource) + "/" + namespace(resource) + "/" + name(resource);
    }

    static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static Optional<JsonNode> at(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The string map at a pointer (labels, matchLabels, ConfigMap data); empty if absent. */
    static Map<String, String> stringMap(JsonNode node, String pointer) {
        Map<String, String> map = new TreeMap<>();
        JsonNode value = node.at(pointer);
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    static List<JsonNode> list(JsonNode node, String pointer) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode value = node.at(pointer);
        if (value instanceof ArrayNode array) {
            array.forEach(items::add);
        }
        return items;
    }
}
