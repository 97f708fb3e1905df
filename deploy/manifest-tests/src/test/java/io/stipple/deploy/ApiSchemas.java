package io.stipple.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The API schemas of the releases deploy/README.md pins, vendored under
 * {@code src/test/resources/schemas/<project>/<version>/} (sources in the README there): the CRDs of Strimzi
 * and CloudNativePG (the {@code openAPIV3Schema} of every served version) and the Kubernetes API
 * (OpenAPI v2 definitions) for the built-in kinds and every resource's {@code metadata}.
 *
 * <p>Validation is strict, as {@code kubectl apply} (field validation "Strict") is: a field the schema
 * does not declare is an error unless the schema keeps unknown fields
 * ({@code x-kubernetes-preserve-unknown-fields}, {@code additionalProperties}). An apiVersion/kind that
 * the pinned release does not serve is an error, as the API server's "no matches for kind" is. Not
 * evaluated: CEL rules ({@code x-kubernetes-validations}), list-map key uniqueness, formats.
 */
final class ApiSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** One served apiVersion + kind, from which release, and its (strict) schema source. */
    private record Served(String release, JsonNode schema) {
    }

    private final Map<String, String> releases;
    private final Map<String, Served> served = new TreeMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final Set<String> supportedKafkaVersions = new TreeSet<>();
    private final ObjectNode kubernetesDefinitions;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();

    private ApiSchemas(Path dir) {
        releases = releases(dir);
        String kubernetes = releases.get("kubernetes");
        if (kubernetes == null) {
            throw new IllegalStateException("no Kubernetes API schema under " + dir);
        }
        kubernetesDefinitions = kubernetesDefinitions(dir.resolve("kubernetes").resolve(kubernetes).resolve("swagger.json"));
        kubernetesDefinitions.fields().forEachRemaining(e -> {
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText();
                String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                served.putIfAbsent(key(apiVersion, gvk.path("kind").asText()),
                        new Served("kubernetes " + kubernetes, ref(e.getKey())));
            }
        });
        releases.forEach((project, version) -> {
            if (project.equals("kubernetes")) {
                return;
            }
            for (Path file : files(dir.resolve(project).resolve(version))) {
                String name = file.getFileName().toString();
                if (name.equals("kafka-versions.yaml")) {
                    Yaml.list(Yaml.parse(read(file)), "").stream()
                            .filter(v -> v.path("supported").asBoolean(false))
                            .forEach(v -> supportedKafkaVersions.add(v.path("version").asText()));
                } else if (name.endsWith(".yaml")) {
                    for (ObjectNode doc : Yaml.documents(file)) {
                        if (Yaml.kind(doc).equals("CustomResourceDefinition")) {
                            customResource(project + " " + version, doc);
                        }
                    }
                }
            }
        });
    }

    /** The schemas vendored in this module's test resources. */
    static ApiSchemas vendored() {
        return load(ProjectModel.repositoryRoot().resolve("deploy/manifest-tests/src/test/resources/schemas"));
    }

    static ApiSchemas load(Path dir) {
        return new ApiSchemas(dir);
    }

    /** project (directory name: strimzi, cloudnative-pg, kubernetes) -> the one vendored version. */
    Map<String, String> releases() {
        return releases;
    }

    /** The Kafka versions the pinned Strimzi release supports (its kafka-versions.yaml, supported: true). */
    Set<String> supportedKafkaVersions() {
        return supportedKafkaVersions;
    }

    /** Every violation of every resource of the overlay, each naming the resource. */
    List<String> validate(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode resource : manifests.all()) {
            validate(resource).forEach(v -> violations.add("[" + manifests.overlay() + "] " + v));
        }
        return violations;
    }

    List<String> validate(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = Yaml.kind(resource);
        String label = kind + " " + Yaml.name(resource) + " (" + apiVersion + ")";
        Served api = served.get(key(apiVersion, kind));
        if (api == null) {
            List<String> others = served.keySet().stream().filter(k -> k.endsWith(" " + kind)).map(k -> k.substring(0, k.indexOf(' '))).toList();
            return List.of(label + ": no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\" in the pinned releases "
                    + releases + (others.isEmpty() ? "" : "; served: " + others));
        }
        JsonSchema schema = compiled.computeIfAbsent(key(apiVersion, kind), k -> factory.getSchema(api.schema(), config));
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(resource)) {
            violations.add(label + " against " + api.release() + ": " + message.getMessage());
        }
        if (kind.equals("Kafka") && apiVersion.startsWith("kafka.strimzi.io/") && !supportedKafkaVersions.isEmpty()) {
            String version = resource.at("/spec/kafka/version").asText("");
            if (!supportedKafkaVersions.contains(version)) {
                violations.add(label + ": Kafka version " + (version.isEmpty() ? "(none)" : version) + " is not supported by "
                        + api.release() + " (supported: " + supportedKafkaVersions + ")");
            }
        }
        return violations.stream().sorted().toList();
    }

    // ---------------------------------------------------------------- loading

    private void customResource(String release, ObjectNode crd) {
        String group = crd.at("/spec/group").asText();
        String kind = crd.at("/spec/names/kind").asText();
        for (JsonNode version : crd.at("/spec/versions")) {
            if (!version.path("served").asBoolean(false)) {
                continue;
            }
            ObjectNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
            strict(schema);
            // A CRD leaves metadata to the API server; check it against ObjectMeta like any object's.
            ObjectNode properties = schema.with("properties");
            properties.set("metadata", JSON.createObjectNode().put("$ref", "#/definitions/" + OBJECT_META));
            schema.set("definitions", kubernetesDefinitions);
            served.put(key(group + "/" + version.path("name").asText(), kind), new Served(release, schema));
        }
    }

    private ObjectNode ref(String definition) {
        ObjectNode root = JSON.createObjectNode().put("$ref", "#/definitions/" + definition);
        root.set("definitions", kubernetesDefinitions);
        return root;
    }

    private static ObjectNode kubernetesDefinitions(Path swagger) {
        try {
            ObjectNode definitions = (ObjectNode) JSON.readTree(swagger.toFile()).path("definitions");
            definitions.fields().forEachRemaining(e -> strict(e.getValue()));
            // What the API server accepts for these, which the OpenAPI v2 document types as string only.
            definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", anyOf("integer", "string"));
            definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("integer", "number", "string"));
            return definitions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode anyOf(String... types) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode anyOf = node.putArray("anyOf");
        for (String type : types) {
            anyOf.addObject().put("type", type);
        }
        return node;
    }

    /**
     * Makes a schema strict in place: an object schema ({@code type: object}) that lists its properties
     * and says nothing about others rejects others, unless it keeps unknown fields. Untyped branches of
     * oneOf/anyOf (which only add constraints to the object around them) are left as they are.
     */
    static void strict(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if ("object".equals(object.path("type").asText()) && object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            Iterator<JsonNode> children = object.elements();
            while (children.hasNext()) {
                strict(children.next());
            }
        } else if (schema instanceof ArrayNode array) {
            array.forEach(ApiSchemas::strict);
        }
    }

    private static Map<String, String> releases(Path dir) {
        Map<String, String> releases = new TreeMap<>();
        for (Path project : directories(dir)) {
            List<Path> versions = directories(project);
            if (versions.size() != 1) {
                throw new IllegalStateException(project + " must hold exactly one version (the pinned one), found " + versions);
            }
            releases.put(project.getFileName().toString(), versions.get(0).getFileName().toString());
        }
        return releases;
    }

    private static List<Path> directories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
