package io.stipple.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.stipple.deploy.ManifestChecker.Expectations.production;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading the build: services, images, topics, required environment, API prefixes — on a synthetic project. */
class ProjectModelTest {
    static final Set<String> PLATFORM_TOPICS = Set.of("stipple.clients", "stipple.bookings");

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("pom.xml", """
                <project><modelVersion>4.0.0</modelVersion><groupId>io.stipple</groupId>
                  <artifactId>stipple-parent</artifactId><version>2.3.4</version>
                  <modules><module>platform</module><module>alpha-service</module><module>beta-service</module>
                    <module>deploy/manifest-tests</module></modules>
                </project>""");
        write("platform/pom.xml", "<project><artifactId>stipple-platform</artifactId></project>");
        write(ProjectModel.PLATFORM_CONFIG, """
                quarkus.container-image.group=stipple
                quarkus.datasource.jdbc.url=${DB_URL:jdbc:postgresql://localhost/x}
                """);
        write("alpha-service/pom.xml", service("alpha-service"));
        write("alpha-service/src/main/resources/application.properties", """
                quarkus.application.name=alpha-service
                quarkus.http.port=8091
                """);
        write("beta-service/pom.xml", service("beta-service"));
        write("beta-service/src/main/resources/application.properties", """
                quarkus.application.name=beta-service
                quarkus.container-image.tag=7
                %prod.quarkus.container-image.registry=registry.example.com
                beta.sms.key=${SMS_KEY}
                beta.sms.url=${SMS_URL:https://sms.example.com}
                mp.messaging.incoming.client-events.connector=smallrye-kafka
                mp.messaging.incoming.client-events.topic=stipple.clients
                mp.messaging.incoming.client-events.failure-strategy=dead-letter-queue
                mp.messaging.incoming.client-events.dead-letter-queue.topic=stipple.dlq.beta-service
                mp.messaging.incoming.booking-events.topic=stipple.bookings
                mp.messaging.incoming.booking-events.failure-strategy=dead-letter-queue
                mp.messaging.outgoing.audit.connector=smallrye-kafka
                %test.mp.messaging.outgoing.audit.topic=test-only
                %prod.mp.messaging.outgoing.audit.topic=stipple.audit
                mp.messaging.incoming.ticks.connector=smallrye-in-memory
                """);
        write("beta-service/src/main/java/io/stipple/beta/Consumers.java", """
                package io.stipple.beta;
                @Path("/api/v1/betas/{id}/things")
                class Consumers {
                    @Incoming("client-events") void a() {}
                    @Incoming("orphan") void b() {}
                    @Outgoing("pipeline") void c() {}
                    @Incoming("pipeline") void d() {}
                    void e() { outbox.publish("stipple.beta", null, null, null); timer("stipple.beta.pipeline.seconds"); }
                }
                @ConfigMapping(prefix = "stipple.neighbours")
                interface Neighbours {}
                """);
    }

    private static String service(String artifactId) {
        return """
                <project><parent><groupId>io.stipple</groupId><artifactId>stipple-parent</artifactId><version>2.3.4</version></parent>
                  <artifactId>%s</artifactId>
                  <build><plugins><plugin><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>
                </project>""".formatted(artifactId);
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void servicesAreTheQuarkusModulesWithConfiguration() {
        ProjectModel project = ProjectModel.load(root, PLATFORM_TOPICS);
        assertThat(project.services()).containsOnlyKeys("alpha-service", "beta-service");
        assertThat(project.services().get("alpha-service").version()).isEqualTo("2.3.4");
        assertThat(project.services().get("alpha-service").httpPort()).isEqualTo(8091);
    }

    @Test
    void aServiceWithoutMessagingUsesNoTopics() {
        ProjectModel project = ProjectModel.load(root, PLATFORM_TOPICS);
        assertThat(project.services().get("alpha-service").topics()).isEmpty();
    }

    @Test
    void topicsComeFromChannelsDeadLetterQueuesAndCode() {
        ProjectModel.Service beta = ProjectModel.load(root, PLATFORM_TOPICS).services().get("beta-service");
        assertThat(beta.topics()).containsExactlyInAnyOrder(
                "stipple.clients", "stipple.dlq.beta-service",        // configured, with its dead-letter topic
                "stipple.bookings", "dead-letter-topic-booking-events", // DLQ without a topic: SmallRye's default name
                "stipple.audit",                                       // %prod wins, %test ignored
                "orphan",                                              // annotated, unconfigured: the channel name
                "stipple.beta");                                       // literal topic in code (not the metric name,
                                                                       // nor a configuration mapping's prefix)
        assertThat(beta.consumesEvents()).isTrue();
    }

    @Test
    void requiredTopicsIncludeThePlatformConstants() {
        ProjectModel project = ProjectModel.load(root, PLATFORM_TOPICS);
        assertThat(project.requiredTopics()).containsKeys("stipple.clients", "stipple.bookings", "stipple.audit");
        assertThat(project.requiredTopics().get("orphan")).contains("beta-service").contains("channel name");
    }

    @Test
    void theRealTopicsClassIsRead() {
        assertThat(ProjectModel.platformTopicConstants())
                .contains("stipple.clients", "stipple.bookings", "stipple.gallery", "stipple.notifications");
    }

    @Test
    void imagesFollowTheContainerImageConfiguration() {
        ProjectModel project = ProjectModel.load(root, PLATFORM_TOPICS);
        assertThat(project.services().get("alpha-service").image().toString()).isEqualTo("stipple/alpha-service:2.3.4");
        assertThat(project.services().get("alpha-service").image().registryFixed()).isFalse();
        ProjectModel.ImageRef beta = project.services().get("beta-service").image();
        assertThat(beta.toString()).isEqualTo("registry.example.com/stipple/beta-service:7");
        assertThat(beta.registryFixed()).isTrue();
    }

    @Test
    void environmentWithoutDefaultsIsRequired() {
        ProjectModel project = ProjectModel.load(root, PLATFORM_TOPICS);
        assertThat(project.services().get("beta-service").requiredEnvironment()).containsExactly("SMS_KEY");
        assertThat(project.services().get("alpha-service").requiredEnvironment()).isEmpty();
    }

    @Test
    void apiPrefixesComeFromResourcePaths() {
        ProjectModel project = ProjectModel.load(root, PLATFORM_TOPICS);
        assertThat(project.services().get("beta-service").apiPrefixes()).containsExactly("/api/v1/betas");
        assertThat(ApiOwnership.owners(project)).containsEntry("/api/v1/betas", "beta-service");
    }

    @Test
    void aTopicFromAServicesConfigurationWithoutKafkaTopicFailsTheRealOverlay() throws IOException {
        // The real prod overlay checked against a build whose client-service publishes to a new topic.
        Path real = ProjectModel.repositoryRoot();
        write("client-service/pom.xml", service("client-service"));
        write("client-service/src/main/resources/application.properties", Files.readString(
                real.resolve("client-service/src/main/resources/application.properties"))
                + "\nmp.messaging.outgoing.exports.topic=stipple.exports\n");
        write("pom.xml", Files.readString(root.resolve("pom.xml")).replace("<module>platform</module>",
                "<module>platform</module><module>client-service</module>"));
        Files.copy(real.resolve(ProjectModel.PLATFORM_CONFIG), root.resolve(ProjectModel.PLATFORM_CONFIG),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        write(io.stipple.testinfra.JvmSizing.FILE, Files.readString(real.resolve(io.stipple.testinfra.JvmSizing.FILE)));
        ProjectModel project = ProjectModel.load(root, ProjectModel.platformTopicConstants());
        ManifestChecker checker = new ManifestChecker(project, Yaml.documents(real.resolve("deploy/k8s/secrets/example.yaml")));

        List<String> violations = checker.check(Renderer.render(real.resolve("deploy/k8s/overlays/prod")), production());

        assertThat(violations).contains("[prod] topic stipple.exports (used by client-service channel exports) has no KafkaTopic");
    }

    @Test
    void theDeploymentMustAgreeWithWhatQuarkusGenerated() throws IOException {
        Path real = ProjectModel.repositoryRoot();
        write("client-service/pom.xml", Files.readString(real.resolve("client-service/pom.xml")));
        write("client-service/src/main/resources/application.properties",
                Files.readString(real.resolve("client-service/src/main/resources/application.properties")));
        write("pom.xml", Files.readString(root.resolve("pom.xml")).replace("<module>platform</module>",
                "<module>platform</module><module>client-service</module>"));
        Files.copy(real.resolve(ProjectModel.PLATFORM_CONFIG), root.resolve(ProjectModel.PLATFORM_CONFIG),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        write(io.stipple.testinfra.JvmSizing.FILE, Files.readString(real.resolve(io.stipple.testinfra.JvmSizing.FILE)));
        Manifests prod = Renderer.render(real.resolve("deploy/k8s/overlays/prod"));
        String version = ProjectModel.load(root, PLATFORM_TOPICS).services().get("client-service").version();

        write("client-service/target/kubernetes/kubernetes.yml", generated("docker.io/stipple/client-service:" + version, 8081));
        assertThat(check(real, prod)).noneMatch(v -> v.contains("kubernetes.yml"));

        write("client-service/target/kubernetes/kubernetes.yml", generated("docker.io/stipple/client-service:0.0.1", 9000));
        assertThat(check(real, prod)).contains(
                "[prod] Deployment client-service runs image registry.example.com/stipple/client-service:" + version
                        + " but the build generated docker.io/stipple/client-service:0.0.1 (client-service/target/kubernetes/kubernetes.yml)",
                "[prod] Deployment client-service http port 8081 differs from the build's 9000 (client-service/target/kubernetes/kubernetes.yml)");
    }

    private List<String> check(Path real, Manifests prod) {
        ProjectModel project = ProjectModel.load(root, ProjectModel.platformTopicConstants());
        return new ManifestChecker(project, Yaml.documents(real.resolve("deploy/k8s/secrets/example.yaml"))).check(prod, production());
    }

    private static String generated(String image, int port) {
        return """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: client-service
                spec:
                  template:
                    spec:
                      containers:
                        - name: client-service
                          image: %s
                          ports:
                            - {name: http, containerPort: %d}
                          livenessProbe: {httpGet: {path: /q/health/live, port: %d}}
                """.formatted(image, port, port);
    }
}
