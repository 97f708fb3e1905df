package io.stipple.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Java fallback renderer: agrees with kubectl kustomize on the real overlays, and its pieces behave. */
class JavaKustomizeTest {

    static List<Path> overlays() {
        return DeployOverlaysTest.overlays().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersLikeKubectl(Path overlay) {
        assumeTrue(Renderer.kubectlPath() != null, "kubectl is not installed: nothing to compare with");
        Map<String, JsonNode> kubectl = byId(Renderer.kubectl(overlay).all());
        Map<String, JsonNode> java = byId(JavaKustomize.render(overlay).all());

        assertThat(java.keySet()).isEqualTo(kubectl.keySet());
        kubectl.forEach((id, resource) -> assertThat(java.get(id)).as(id).isEqualTo(resource));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theOverlaysPassTheCheckerWhenRenderedInJava(Path overlay) {
        ProjectModel project = ProjectModel.load(ProjectModel.repositoryRoot());
        ManifestChecker checker = new ManifestChecker(project);
        ManifestChecker.Expectations expected = ManifestChecker.Expectations.forOverlay(overlay.getFileName().toString());
        List<String> java = checker.check(JavaKustomize.render(overlay), expected);
        // Same verdict as the default renderer (kubectl where installed): the fallback is a real check.
        assertThat(java).isEqualTo(checker.check(Renderer.render(overlay), expected));
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> resources) {
        Map<String, JsonNode> map = new TreeMap<>();
        resources.forEach(r -> assertThat(map.put(Yaml.id(r), r)).as("duplicate " + Yaml.id(r)).isNull());
        return map;
    }

    @Test
    void appliesJsonPatchesNamespaceAndImages(@TempDir Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(base.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: acme/web
                          env:
                            - name: A
                              value: "1"
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web-config
                data:
                  a/b: x
                """);
        Files.writeString(base.resolve("kustomization.yaml"), """
                resources:
                  - app.yaml
                images:
                  - name: acme/web
                    newTag: "1.2"
                """);
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(overlay.resolve("ns.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                """);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                namespace: shop
                resources:
                  - ns.yaml
                  - ../base
                images:
                  - name: acme/web
                    newName: registry.example.com/acme/web
                patches:
                  - target:
                      kind: Deploy.*
                    patch: |-
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: B, value: "2"}
                      - op: replace
                        path: /spec/template/spec/containers/0/env/0/value
                        value: "one"
                  - target:
                      kind: ConfigMap
                      name: web-config
                    patch: |-
                      - op: remove
                        path: /data/a~1b
                """);

        List<ObjectNode> rendered = JavaKustomize.render(overlay).all();

        ObjectNode deployment = rendered.stream().filter(r -> Yaml.kind(r).equals("Deployment")).findFirst().orElseThrow();
        assertThat(Yaml.namespace(deployment)).isEqualTo("shop");
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.com/acme/web:1.2");
        assertThat(deployment.at("/spec/template/spec/containers/0/env").toString())
                .isEqualTo("[{\"name\":\"A\",\"value\":\"one\"},{\"name\":\"B\",\"value\":\"2\"}]");
        ObjectNode configMap = rendered.stream().filter(r -> Yaml.kind(r).equals("ConfigMap")).findFirst().orElseThrow();
        assertThat(configMap.path("data").isEmpty()).isTrue();
        ObjectNode namespace = rendered.stream().filter(r -> Yaml.kind(r).equals("Namespace")).findFirst().orElseThrow();
        assertThat(namespace.at("/metadata/namespace").isMissingNode()).isTrue();

        if (Renderer.kubectlPath() != null) {
            assertThat(byId(rendered)).isEqualTo(byId(Renderer.kubectl(overlay).all()));
        }
    }

    @Test
    void refusesWhatItCannotRenderFaithfully(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                configMapGenerator:
                  - name: x
                    literals: [A=1]
                """);
        assertThatThrownBy(() -> JavaKustomize.render(dir))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("configMapGenerator");

        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [cm.yaml]
                patches:
                  - target: {kind: ConfigMap}
                    patch: |-
                      metadata:
                        labels: {a: b}
                """);
        assertThatThrownBy(() -> JavaKustomize.render(dir))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("strategic merge");

        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [cm.yaml]
                patches:
                  - target: {kind: Secret}
                    patch: |-
                      - {op: remove, path: /data}
                """);
        assertThatThrownBy(() -> JavaKustomize.render(dir)).hasMessageContaining("matches no resource");
    }

    @Test
    void retagsOnlyTheNamedImage() {
        JsonNode image = Yaml.parse("{name: stipple/a, newTag: '2'}");
        assertThat(JavaKustomize.retag("stipple/a:1", image)).isEqualTo("stipple/a:2");
        assertThat(JavaKustomize.retag("stipple/a", image)).isEqualTo("stipple/a:2");
        assertThat(JavaKustomize.retag("stipple/ab:1", image)).isEqualTo("stipple/ab:1");
        assertThat(JavaKustomize.retag("localhost:5000/stipple/a:1", image)).isEqualTo("localhost:5000/stipple/a:1");
        assertThat(JavaKustomize.retag("stipple/a@sha256:abc", Yaml.parse("{name: stipple/a, newName: r.io/stipple/a}")))
                .isEqualTo("r.io/stipple/a@sha256:abc");
    }
}
