package io.stipple.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema validation bites: each test breaks one resource of the rendered prod overlay in memory the
 * way an outdated or careless manifest would, and expects the complaint the API server would give.
 */
class ApiSchemasTest {
    static final Path SCHEMAS = ProjectModel.repositoryRoot().resolve("deploy/manifest-tests/src/test/resources/schemas");
    static ApiSchemas schemas;
    static Manifests prod;

    @BeforeAll
    static void load() {
        schemas = ApiSchemas.vendored();
        prod = Renderer.render(ProjectModel.repositoryRoot().resolve("deploy/k8s/overlays/prod"));
    }

    static List<String> violations(String kind, String name, Consumer<ObjectNode> mutation) {
        Manifests copy = prod.copy();
        mutation.accept(copy.get(kind, name));
        return schemas.validate(copy);
    }

    @Test
    void theUnchangedOverlayIsValidSoEachMutationBelowIsWhatFails() {
        assertThat(schemas.validate(prod)).isEmpty();
    }

    @Test
    void theVendoredReleasesAreTheOnesTheReadmePins() throws IOException {
        assertThat(schemas.releases()).isEqualTo(Map.of("strimzi", "1.2.0", "cloudnative-pg", "1.30.0", "kubernetes", "1.35.0",
                "prometheus-operator", "0.93.0"));
        String readme = Files.readString(ProjectModel.repositoryRoot().resolve("deploy/README.md"));
        assertThat(readme)
                .contains("oci://quay.io/strimzi-helm/strimzi-kafka-operator --version 1.2.0")
                .contains("cnpg/cloudnative-pg --version 0.29.0")
                .contains("| [Strimzi](https://strimzi.io/docs/operators/1.2.0/deploying) 1.2.0 |")
                .contains("| [CloudNativePG](https://cloudnative-pg.io/documentation/1.30/installation_upgrade/) 1.30.0 (chart 0.29.0) |")
                .contains("Kubernetes 1.35 API")
                .contains("| [Prometheus Operator](https://prometheus-operator.dev/) 0.93.0 |");
    }

    @Test
    void everyVendoredFileIsRecordedWithItsChecksum() throws IOException, NoSuchAlgorithmException {
        String sources = Files.readString(SCHEMAS.resolve("README.md"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SCHEMAS)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        }
        assertThat(files).hasSize(9);
        for (Path file : files) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(sources).as("schemas/README.md records %s", SCHEMAS.relativize(file))
                    .contains("`" + SCHEMAS.relativize(file) + "` | " + sha);
        }
    }

    @Test
    void theStrimziReleaseSupportsOnlyCurrentKafka() {
        assertThat(schemas.supportedKafkaVersions()).contains("4.3.1").doesNotContain("4.1.0");
    }

    // ---------------------------------------------------------------- Prometheus Operator

    @Test
    void aPrometheusRuleIsCheckedAgainstTheOperatorsSchema() {
        List<String> violations = violations("PrometheusRule", "stipple-alerts", rule -> {
            ObjectNode first = (ObjectNode) rule.at("/spec/groups/0/rules/0");
            first.put("severity", "critical"); // belongs under labels
            first.remove("expr");
        });
        assertThat(violations).hasSize(2).allMatch(v -> v.startsWith("[prod] PrometheusRule stipple-alerts (monitoring.coreos.com/v1) "
                + "against prometheus-operator 0.93.0: "));
        assertThat(String.join("\n", violations)).contains("severity").contains("expr");
    }

    @Test
    void aPodMonitorOfAnApiVersionTheOperatorDoesNotServeIsReported() {
        assertThat(violations("PodMonitor", "stipple-services", m -> m.put("apiVersion", "monitoring.coreos.com/v1beta1")))
                .singleElement().asString().contains("no matches for kind \"PodMonitor\" in version \"monitoring.coreos.com/v1beta1\"");
    }

    // ---------------------------------------------------------------- Strimzi

    @Test
    void aV1beta2KafkaIsNotServed() {
        assertThat(violations("Kafka", "stipple-kafka", k -> k.put("apiVersion", "kafka.strimzi.io/v1beta2")))
                .containsExactly("[prod] Kafka stipple-kafka (kafka.strimzi.io/v1beta2): no matches for kind \"Kafka\" in version "
                        + "\"kafka.strimzi.io/v1beta2\" in the pinned releases {cloudnative-pg=1.30.0, kubernetes=1.35.0, "
                        + "prometheus-operator=0.93.0, strimzi=1.2.0}; "
                        + "served: [kafka.strimzi.io/v1]");
    }

    @Test
    void aKafkaVersionTheReleaseDoesNotSupportIsReported() {
        assertThat(violations("Kafka", "stipple-kafka", k -> k.withObject("/spec/kafka").put("version", "4.1.0")))
                .containsExactly("[prod] Kafka stipple-kafka (kafka.strimzi.io/v1): Kafka version 4.1.0 is not supported by strimzi 1.2.0 "
                        + "(supported: [4.2.0, 4.2.1, 4.3.0, 4.3.1])");
    }

    @Test
    void aZooKeeperSectionIsNoLongerPartOfTheKafkaApi() {
        assertThat(violations("Kafka", "stipple-kafka", k -> k.withObject("/spec/zookeeper").put("replicas", 3)))
                .singleElement().asString().contains("Kafka stipple-kafka (kafka.strimzi.io/v1) against strimzi 1.2.0: /spec: property 'zookeeper' is not defined in the schema");
    }

    @Test
    void anUnknownFieldInAKafkaTopicIsReported() {
        assertThat(violations("KafkaTopic", "stipple-clients", t -> t.withObject("/spec").put("partition", 6)))
                .singleElement().asString().contains("[prod] KafkaTopic stipple-clients (kafka.strimzi.io/v1) against strimzi 1.2.0: /spec: property 'partition' is not defined in the schema");
    }

    @Test
    void aWrongTypeInAKafkaTopicIsReported() {
        assertThat(violations("KafkaTopic", "stipple-clients", t -> t.withObject("/spec").put("partitions", "six")))
                .singleElement().asString().contains("KafkaTopic stipple-clients", "/spec/partitions: string found, integer expected");
    }

    @Test
    void aNodePoolWithAnUnknownRoleIsReported() {
        assertThat(violations("KafkaNodePool", "brokers", p -> p.withArray("/spec/roles").add("zookeeper")))
                .singleElement().asString().contains("KafkaNodePool brokers", "/spec/roles/1: does not have a value in the enumeration");
    }

    @Test
    void aTypoInACustomResourcesMetadataIsReported() {
        assertThat(violations("KafkaTopic", "stipple-gallery", t -> t.withObject("/metadata").putObject("label").put("a", "b")))
                .singleElement().asString().contains("KafkaTopic stipple-gallery", "/metadata: property 'label' is not defined in the schema");
    }

    // ---------------------------------------------------------------- CloudNativePG

    @Test
    void anUnknownFieldInThePostgresClusterIsReported() {
        assertThat(violations("Cluster", "stipple-db", c -> c.withObject("/spec").put("instance", 3)))
                .singleElement().asString().contains("[prod] Cluster stipple-db (postgresql.cnpg.io/v1) against cloudnative-pg 1.30.0: /spec: property 'instance' is not defined in the schema");
    }

    @Test
    void aWrongTypeInAManagedRoleIsReported() {
        assertThat(violations("Cluster", "stipple-db", c -> ((ObjectNode) c.at("/spec/managed/roles/1")).put("bypassrls", "no")))
                .singleElement().asString().contains("Cluster stipple-db", "/spec/managed/roles/1/bypassrls: string found, boolean expected");
    }

    @Test
    void aDatabaseWithoutItsClusterIsReported() {
        assertThat(violations("Database", "stipple-db-booking", d -> d.withObject("/spec").remove("cluster")))
                .singleElement().asString().contains("Database stipple-db-booking (postgresql.cnpg.io/v1) against cloudnative-pg 1.30.0: /spec: required property 'cluster' not found");
    }

    // ---------------------------------------------------------------- built-in kinds

    @Test
    void aTypoInADeploymentsContainerIsReported() {
        assertThat(violations("Deployment", "booking-service",
                d -> ((ObjectNode) d.at("/spec/template/spec/containers/0")).set("livenessprobe", d.at("/spec/template/spec/containers/0/livenessProbe"))))
                .singleElement().asString().contains("[prod] Deployment booking-service (apps/v1) against kubernetes 1.35.0: /spec/template/spec/containers/0: property 'livenessprobe' is not defined in the schema");
    }

    @Test
    void aWrongTypeInAnAutoscalerIsReported() {
        assertThat(violations("HorizontalPodAutoscaler", "client-service", h -> h.withObject("/spec").put("minReplicas", "two")))
                .singleElement().asString().contains("HorizontalPodAutoscaler client-service (autoscaling/v2)", "/spec/minReplicas: string found, integer expected");
    }

    @Test
    void aRemovedBuiltInApiVersionIsNotServed() {
        assertThat(violations("PodDisruptionBudget", "client-service", p -> p.put("apiVersion", "policy/v1beta1")))
                .singleElement().asString().contains("no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\"", "served: [policy/v1]");
    }

    @Test
    void aMissingRequiredFieldOfANetworkPolicyPeerPortIsReported() {
        ObjectNode policy = prod.ofKind("NetworkPolicy").get(0);
        assertThat(violations("NetworkPolicy", Yaml.name(policy), n -> n.withObject("/spec").put("podSelector", "all")))
                .singleElement().asString().contains("NetworkPolicy " + Yaml.name(policy) + " (networking.k8s.io/v1)", "/spec/podSelector: string found, object expected");
    }
}
