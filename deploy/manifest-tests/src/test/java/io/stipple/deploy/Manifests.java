package io.stipple.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The resources one overlay renders to, and how they were rendered ("kubectl" or "java"). */
final class Manifests {
    private final String overlay;
    private final String renderer;
    private final List<ObjectNode> resources;

    Manifests(String overlay, String renderer, List<ObjectNode> resources) {
        this.overlay = overlay;
        this.renderer = renderer;
        this.resources = new ArrayList<>(resources);
    }

    String overlay() {
        return overlay;
    }

    String renderer() {
        return renderer;
    }

    List<ObjectNode> all() {
        return resources;
    }

    List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(r -> Yaml.kind(r).equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return resources.stream().filter(r -> Yaml.kind(r).equals(kind) && Yaml.name(r).equals(name)).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(kind + " " + name + " not in " + overlay));
    }

    /** A deep copy that a test may mutate freely. */
    Manifests copy() {
        return new Manifests(overlay, renderer, resources.stream().map(ObjectNode::deepCopy).toList());
    }

    Manifests remove(String kind, String name) {
        boolean removed = resources.removeIf(r -> Yaml.kind(r).equals(kind) && Yaml.name(r).equals(name));
        if (!removed) {
            throw new NoSuchElementException(kind + " " + name);
        }
        return this;
    }

    Manifests add(JsonNode resource) {
        resources.add((ObjectNode) resource);
        return this;
    }

    @Override
    public String toString() {
        return overlay + " (" + renderer + ", " + resources.size() + " resources)";
    }
}
