package io.stipple.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay under deploy/k8s/overlays renders (kubectl kustomize when installed, the Java renderer
 * otherwise) and follows every rule of {@link ManifestChecker} against the real build and configuration.
 */
class DeployOverlaysTest {
    static ProjectModel project;

    @BeforeAll
    static void loadProject() {
        project = ProjectModel.load(ProjectModel.repositoryRoot());
    }

    static Stream<Path> overlays() {
        Path dir = ProjectModel.repositoryRoot().resolve("deploy/k8s/overlays");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void devAndProdOverlaysExist() {
        assertThat(overlays().map(p -> p.getFileName().toString())).contains("dev", "prod");
    }

    @Test
    void theBuildHasTheFourServices() {
        // Guards the guard: if service discovery broke, every per-service rule would pass vacuously.
        assertThat(project.services()).containsKeys("client-service", "booking-service", "notification-service", "gallery-service");
        assertThat(project.requiredTopics()).containsKeys("stipple.clients", "stipple.bookings", "stipple.gallery", "stipple.notifications");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayFollowsEveryRule(Path overlay) {
        Manifests manifests = Renderer.render(overlay);
        assertThat(manifests.ofKind("Deployment")).as("Deployments of %s", manifests).hasSizeGreaterThanOrEqualTo(project.services().size());

        List<String> violations = new ManifestChecker(project)
                .check(manifests, ManifestChecker.Expectations.forOverlay(overlay.getFileName().toString()));

        assertThat(violations).as("violations in %s", manifests).isEmpty();
    }

    /**
     * Every rendered resource, custom or built-in, is served by the releases deploy/README.md pins and
     * matches their schemas (strictly: no field the schema does not declare).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyResourceMatchesTheApiSchemasOfThePinnedReleases(Path overlay) {
        Manifests manifests = Renderer.render(overlay);
        assertThat(manifests.all()).as("resources of %s", manifests).isNotEmpty();

        assertThat(ApiSchemas.vendored().validate(manifests)).as("schema violations in %s", manifests).isEmpty();
    }
}
