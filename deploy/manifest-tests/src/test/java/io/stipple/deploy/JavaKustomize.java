package io.stipple.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kustomize subset deploy/k8s uses, in plain Java, for machines without kubectl:
 * {@code resources} (files and directories), {@code patches} (JSON 6902 operations, inline or from a
 * file, selected by kind and name), {@code namespace}, {@code images} and {@code configMapGenerator} (from files in
 * the kustomization's folder, with {@code options.disableNameSuffixHash: true} and optional {@code options.labels}). Anything else fails loudly,
 * so a new kustomize feature in the overlays is noticed; when kubectl is installed the tests check
 * that this renderer and {@code kubectl kustomize} agree.
 */
final class JavaKustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches",
            "configMapGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PersistentVolume", "IngressClass", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService");

    private JavaKustomize() {
    }

    static Manifests render(Path dir) {
        return new Manifests(dir.getFileName().toString(), "java", build(dir.toAbsolutePath().normalize()));
    }

    static List<ObjectNode> build(Path dir) {
        Path file = kustomizationFile(dir);
        List<ObjectNode> docs = Yaml.documents(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one document");
        }
        ObjectNode kustomization = docs.get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new UnsupportedOperationException(file + ": '" + field + "' is not supported by the Java renderer "
                        + "(supported: " + SUPPORTED + "); install kubectl or keep deploy/k8s to that subset");
            }
        });

        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : Yaml.list(kustomization, "/resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else if (Files.isRegularFile(target)) {
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException(file + ": file " + entry.asText()
                            + " is outside the kustomization's folder (kustomize refuses that)");
                }
                resources.addAll(Yaml.documents(target));
            } else {
                throw new IllegalArgumentException(file + ": resource " + entry.asText() + " does not exist");
            }
        }

        for (JsonNode generator : Yaml.list(kustomization, "/configMapGenerator")) {
            resources.add(configMap(dir, file, generator));
        }

        for (JsonNode patch : Yaml.list(kustomization, "/patches")) {
            applyPatch(dir, file, patch, resources);
        }

        String namespace = Yaml.text(kustomization, "/namespace");
        if (namespace != null) {
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(Yaml.kind(resource))) {
                    resource.withObject("/metadata").put("namespace", namespace);
                }
            }
        }

        for (JsonNode image : Yaml.list(kustomization, "/images")) {
            for (ObjectNode resource : resources) {
                retag(resource, image);
            }
        }
        return resources;
    }

    /** A ConfigMap from files, as kustomize's configMapGenerator makes it (the subset: files, labels, no hash). */
    private static ObjectNode configMap(Path dir, Path file, JsonNode generator) {
        Set<String> supported = Set.of("name", "files", "options");
        generator.fieldNames().forEachRemaining(field -> {
            if (!supported.contains(field)) {
                throw new UnsupportedOperationException(file + ": configMapGenerator '" + field
                        + "' is not supported by the Java renderer (supported: " + supported + ")");
            }
        });
        JsonNode options = generator.path("options");
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new UnsupportedOperationException(file + ": configMapGenerator needs options.disableNameSuffixHash: true "
                    + "for the Java renderer (it does not compute kustomize's name hash)");
        }
        ObjectNode map = Yaml.MAPPER.createObjectNode();
        map.put("apiVersion", "v1");
        map.put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        if (options.path("labels").isObject()) {
            metadata.set("labels", options.path("labels").deepCopy());
        }
        ObjectNode data = map.putObject("data");
        for (JsonNode entry : Yaml.list(generator, "/files")) {
            String spec = entry.asText();
            int eq = spec.indexOf('=');
            String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
            Path source = dir.resolve(eq < 0 ? spec : spec.substring(eq + 1)).normalize();
            if (!source.startsWith(dir)) {
                throw new IllegalArgumentException(file + ": file " + spec + " is outside the kustomization's folder");
            }
            try {
                data.put(key, Files.readString(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return map;
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(dir + ": no kustomization.yaml");
    }

    private static void applyPatch(Path dir, Path file, JsonNode patch, List<ObjectNode> resources) {
        String text;
        if (patch.hasNonNull("patch")) {
            text = patch.get("patch").asText();
        } else if (patch.hasNonNull("path")) {
            try {
                text = Files.readString(dir.resolve(patch.get("path").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            throw new IllegalArgumentException(file + ": a patch needs 'patch' or 'path'");
        }
        JsonNode operations = Yaml.parse(text);
        if (!operations.isArray()) {
            throw new UnsupportedOperationException(file + ": only JSON 6902 patches (a list of operations) are "
                    + "supported by the Java renderer, not strategic merge patches");
        }
        JsonNode target = patch.path("target");
        if (!target.isObject() || target.has("labelSelector") || target.has("annotationSelector")) {
            throw new UnsupportedOperationException(file + ": patch targets must select by kind/name only");
        }
        List<ObjectNode> matched = resources.stream().filter(r -> matches(target, r)).toList();
        if (matched.isEmpty()) {
            throw new IllegalArgumentException(file + ": patch target " + target + " matches no resource");
        }
        for (ObjectNode resource : matched) {
            for (JsonNode operation : operations) {
                apply(resource, operation, file);
            }
        }
    }

    private static boolean matches(JsonNode target, JsonNode resource) {
        String[] apiVersion = resource.path("apiVersion").asText().split("/");
        String group = apiVersion.length == 2 ? apiVersion[0] : "";
        String version = apiVersion[apiVersion.length - 1];
        return fullMatch(target, "kind", Yaml.kind(resource))
                && fullMatch(target, "name", Yaml.name(resource))
                && fullMatch(target, "namespace", Yaml.namespace(resource))
                && fullMatch(target, "group", group)
                && fullMatch(target, "version", version);
    }

    /** kustomize matches selector fields as anchored regular expressions. */
    private static boolean fullMatch(JsonNode target, String field, String value) {
        return !target.hasNonNull(field) || Pattern.compile(target.get(field).asText()).matcher(value).matches();
    }

    /** One JSON 6902 operation: add, replace or remove. */
    static void apply(ObjectNode document, JsonNode operation, Object origin) {
        String op = operation.path("op").asText();
        List<String> tokens = pointer(operation.path("path").asText());
        if (tokens.isEmpty()) {
            throw new UnsupportedOperationException(origin + ": patching the whole document is not supported");
        }
        JsonNode parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = parent.isArray() ? parent.path(index(token, parent.size(), false)) : parent.path(token);
            if (parent.isMissingNode()) {
                throw new IllegalArgumentException(origin + ": path " + operation.path("path").asText() + " does not exist");
            }
        }
        String last = tokens.get(tokens.size() - 1);
        JsonNode value = operation.get("value");
        switch (op) {
            case "add" -> {
                if (parent instanceof ArrayNode array) {
                    array.insert(index(last, array.size(), true), value);
                } else {
                    ((ObjectNode) parent).set(last, value);
                }
            }
            case "replace" -> {
                if (parent instanceof ArrayNode array) {
                    array.set(index(last, array.size(), false), value);
                } else if (parent.has(last)) {
                    ((ObjectNode) parent).set(last, value);
                } else {
                    throw new IllegalArgumentException(origin + ": cannot replace missing " + operation.path("path").asText());
                }
            }
            case "remove" -> {
                if (parent instanceof ArrayNode array) {
                    array.remove(index(last, array.size(), false));
                } else if (parent.has(last)) {
                    ((ObjectNode) parent).remove(last);
                } else {
                    throw new IllegalArgumentException(origin + ": cannot remove missing " + operation.path("path").asText());
                }
            }
            default -> throw new UnsupportedOperationException(origin + ": JSON patch op '" + op + "' is not supported");
        }
    }

    private static List<String> pointer(String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + path);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static int index(String token, int size, boolean forInsert) {
        if (token.equals("-") && forInsert) {
            return size;
        }
        int index = Integer.parseInt(token);
        if (index < 0 || index > (forInsert ? size : size - 1)) {
            throw new IndexOutOfBoundsException("index " + token + " outside a list of " + size);
        }
        return index;
    }

    /** The images transformer: every container image whose name matches gets newName / newTag / digest. */
    private static void retag(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        if (container.isObject() && container.hasNonNull("image")) {
                            String updated = retag(container.get("image").asText(), image);
                            ((ObjectNode) container).set("image", TextNode.valueOf(updated));
                        }
                    }
                } else {
                    retag(field.getValue(), image);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> retag(child, image));
        }
    }

    static String retag(String reference, JsonNode image) {
        String name = reference;
        String suffix = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            suffix = name.substring(at);
            name = name.substring(0, at);
        } else {
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                suffix = name.substring(colon);
                name = name.substring(0, colon);
            }
        }
        if (!name.equals(image.path("name").asText())) {
            return reference;
        }
        if (image.hasNonNull("newName")) {
            name = image.get("newName").asText();
        }
        if (image.hasNonNull("digest")) {
            suffix = "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            suffix = ":" + image.get("newTag").asText();
        }
        return name + suffix;
    }
}
