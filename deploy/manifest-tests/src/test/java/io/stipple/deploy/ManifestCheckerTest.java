package io.stipple.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static io.stipple.deploy.ManifestChecker.Expectations.production;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Negative tests: each mutates the rendered prod overlay in memory the way a careless change would, and
 * asserts the checker reports it. Only violations the mutation introduces count, so the tests hold
 * whatever else the working tree contains.
 */
class ManifestCheckerTest {
    static ProjectModel project;
    static Manifests prod;
    static ManifestChecker checker;
    static List<String> baseline;

    @BeforeAll
    static void renderProd() {
        Path root = ProjectModel.repositoryRoot();
        project = ProjectModel.load(root);
        prod = Renderer.render(root.resolve("deploy/k8s/overlays/prod"));
        checker = new ManifestChecker(project);
        baseline = checker.check(prod, production());
    }

    static List<String> introduced(Consumer<Manifests> mutation) {
        Manifests copy = prod.copy();
        mutation.accept(copy);
        List<String> after = new ArrayList<>(checker.check(copy, production()));
        after.removeAll(baseline);
        return after;
    }

    static ObjectNode deployment(Manifests m, String name) {
        return m.get("Deployment", name);
    }

    static ObjectNode container(Manifests m, String name) {
        return (ObjectNode) deployment(m, name).at("/spec/template/spec/containers/0");
    }

    static ObjectNode obj(ObjectNode node, String pointer) {
        return (ObjectNode) node.at(pointer);
    }

    static ArrayNode arr(ObjectNode node, String pointer) {
        return (ArrayNode) node.at(pointer);
    }

    static ObjectNode pod(Manifests m, String name) {
        return (ObjectNode) deployment(m, name).at("/spec/template/spec");
    }

    // ---------------------------------------------------------------- probes, resources, security

    @ParameterizedTest
    @ValueSource(strings = {"startupProbe", "livenessProbe", "readinessProbe"})
    void aMissingProbeIsCaught(String probe) {
        assertThat(introduced(m -> container(m, "booking-service").remove(probe)))
                .containsExactly("[prod] Deployment booking-service container booking-service has no " + probe);
    }

    @Test
    void aProbeOnTheWrongEndpointIsCaught() {
        assertThat(introduced(m -> container(m, "client-service").withObject("/readinessProbe/httpGet").put("path", "/q/health")))
                .contains("[prod] Deployment client-service container client-service readinessProbe must GET /q/health/ready, not /q/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/requests/cpu", "/requests/memory", "/limits/memory"})
    void missingRequestsOrMemoryLimitAreCaught(String pointer) {
        List<String> violations = introduced(m -> {
            ObjectNode resources = container(m, "gallery-service").withObject("/resources");
            String[] parts = pointer.substring(1).split("/");
            resources.withObject("/" + parts[0]).remove(parts[1]);
        });
        assertThat(violations).contains("[prod] Deployment gallery-service container gallery-service has no "
                + pointer.substring(1).replace('/', '.') + " (resources)");
    }

    @Test
    void aMemoryLimitBelowTheRequestIsCaught() {
        assertThat(introduced(m -> container(m, "gallery-service").withObject("/resources/limits").put("memory", "128Mi")))
                .anyMatch(v -> v.contains("memory limit 128Mi is below its request"));
    }

    @Test
    void runningAsRootIsCaught() {
        assertThat(introduced(m -> {
            container(m, "notification-service").withObject("/securityContext").remove("runAsNonRoot");
            pod(m, "notification-service").withObject("/securityContext").remove("runAsNonRoot");
        })).containsExactly("[prod] Deployment notification-service container notification-service must set runAsNonRoot: true (restricted Pod Security)");
        assertThat(introduced(m -> container(m, "notification-service").withObject("/securityContext").put("runAsUser", 0)))
                .contains("[prod] Deployment notification-service container notification-service runs as root (runAsUser 0)");
    }

    @Test
    void privilegeEscalationIsCaught() {
        assertThat(introduced(m -> container(m, "client-service").withObject("/securityContext").put("allowPrivilegeEscalation", true)))
                .containsExactly("[prod] Deployment client-service container client-service must set allowPrivilegeEscalation: false");
        assertThat(introduced(m -> container(m, "client-service").withObject("/securityContext").remove("allowPrivilegeEscalation")))
                .containsExactly("[prod] Deployment client-service container client-service must set allowPrivilegeEscalation: false");
    }

    @Test
    void capabilitiesNotDroppedAreCaught() {
        assertThat(introduced(m -> container(m, "client-service").withObject("/securityContext").remove("capabilities")))
                .containsExactly("[prod] Deployment client-service container client-service must drop ALL capabilities");
        assertThat(introduced(m -> container(m, "client-service").withObject("/securityContext/capabilities")
                .putArray("add").add("NET_ADMIN")))
                .containsExactly("[prod] Deployment client-service container client-service adds capability NET_ADMIN");
    }

    @Test
    void aMissingSeccompProfileIsCaught() {
        assertThat(introduced(m -> {
            container(m, "booking-service").withObject("/securityContext").remove("seccompProfile");
            pod(m, "booking-service").withObject("/securityContext").remove("seccompProfile");
        })).containsExactly("[prod] Deployment booking-service container booking-service must use the RuntimeDefault seccomp profile");
    }

    @Test
    void aWritableRootFilesystemIsCaught() {
        assertThat(introduced(m -> container(m, "booking-service").withObject("/securityContext").put("readOnlyRootFilesystem", false)))
                .containsExactly("[prod] Deployment booking-service container booking-service must set readOnlyRootFilesystem: true");
    }

    @Test
    void aMissingTmpVolumeIsCaught() {
        assertThat(introduced(m -> ((ArrayNode) container(m, "booking-service").get("volumeMounts"))
                .removeIf(mount -> mount.path("mountPath").asText().equals("/tmp"))))
                .containsExactly("[prod] Deployment booking-service container booking-service needs an emptyDir volume mounted at /tmp "
                        + "(the root filesystem is read-only)");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownIsCaught() {
        assertThat(introduced(m -> pod(m, "client-service").put("terminationGracePeriodSeconds", 30)))
                .containsExactly("[prod] Deployment client-service terminationGracePeriodSeconds (30) must exceed preStop "
                        + "+ quarkus.shutdown.timeout (35 s)");
    }

    // ---------------------------------------------------------------- replicas, PDB, HPA

    @Test
    void oneReplicaInProdIsCaught() {
        assertThat(introduced(m -> m.get("HorizontalPodAutoscaler", "booking-service").withObject("/spec").put("minReplicas", 1)))
                .containsExactly("[prod] Deployment booking-service runs 1 replica(s) at minimum; prod needs 2+");
    }

    @Test
    void missingPdbOrHpaIsCaught() {
        assertThat(introduced(m -> m.remove("PodDisruptionBudget", "gallery-service")))
                .containsExactly("[prod] Deployment gallery-service has no PodDisruptionBudget");
        assertThat(introduced(m -> m.remove("HorizontalPodAutoscaler", "gallery-service")))
                .contains("[prod] Deployment gallery-service has no HorizontalPodAutoscaler");
        assertThat(introduced(m -> m.get("PodDisruptionBudget", "gallery-service").withObject("/spec").put("maxUnavailable", 0)))
                .containsExactly("[prod] PodDisruptionBudget gallery-service never allows an eviction: nodes cannot be drained");
    }

    // ---------------------------------------------------------------- images and ports

    @Test
    void anImageTagOtherThanTheBuildsIsCaught() {
        assertThat(introduced(m -> container(m, "client-service").put("image", "registry.example.com/stipple/client-service:0.9.0")))
                .contains("[prod] Deployment client-service runs image registry.example.com/stipple/client-service:0.9.0 but the build produces "
                        + "stipple/client-service:" + project.services().get("client-service").version() + " (any registry)");
    }

    @Test
    void anImageNameOtherThanTheBuildsIsCaught() {
        String version = project.services().get("client-service").version();
        assertThat(introduced(m -> container(m, "client-service").put("image", "stipple/clients:" + version)))
                .contains("[prod] Deployment client-service runs image stipple/clients:" + version + " but the build produces stipple/client-service:"
                        + version + " (any registry)");
        assertThat(introduced(m -> container(m, "client-service").put("image", "acme/client-service:" + version)))
                .anyMatch(v -> v.contains("but the build produces stipple/client-service:" + version));
        // Any registry in front of the build's group/name:tag is fine (the build does not fix one).
        assertThat(introduced(m -> container(m, "client-service").put("image", "ghcr.io/stipple/client-service:" + version))).isEmpty();
    }

    static ObjectNode pulling(Manifests m, String image, String policy) {
        ObjectNode container = container(m, "client-service").put("image", image);
        return policy == null ? (ObjectNode) container.without("imagePullPolicy") : container.put("imagePullPolicy", policy);
    }

    static List<String> pullComplaints(List<String> violations) {
        return violations.stream().filter(v -> v.contains("imagePullPolicy")).toList();
    }

    @Test
    void aSnapshotTagThatANodeWouldNotPullAgainIsCaught() {
        String image = "registry.example.com/stipple/client-service:2.0.0-SNAPSHOT";
        String complaint = "[prod] Deployment client-service container client-service runs the mutable tag " + image
                + " with imagePullPolicy IfNotPresent: a node would keep a stale copy of it; use Always (or a release tag)";
        assertThat(pullComplaints(introduced(m -> pulling(m, image, "IfNotPresent")))).containsExactly(complaint);
        // Left out, Kubernetes defaults a tag other than latest to IfNotPresent.
        assertThat(pullComplaints(introduced(m -> pulling(m, image, null)))).containsExactly(complaint);
        assertThat(pullComplaints(introduced(m -> pulling(m, image, "Never"))))
                .containsExactly(complaint.replace("IfNotPresent", "Never"));
        assertThat(pullComplaints(introduced(m -> pulling(m, "registry.example.com/stipple/client-service:latest", "IfNotPresent"))))
                .singleElement().asString().contains("runs the mutable tag registry.example.com/stipple/client-service:latest");
        assertThat(pullComplaints(introduced(m -> pulling(m, image, "Always")))).isEmpty();
    }

    @Test
    void aReleaseTagIsPulledIfNotPresent() {
        String image = "registry.example.com/stipple/client-service:2.0.0";
        assertThat(pullComplaints(introduced(m -> pulling(m, image, "Always"))))
                .containsExactly("[prod] Deployment client-service container client-service runs the release image " + image
                        + " with imagePullPolicy Always; a release tag never changes: use IfNotPresent");
        assertThat(pullComplaints(introduced(m -> pulling(m, image, "IfNotPresent")))).isEmpty();
        assertThat(pullComplaints(introduced(m -> pulling(m, image, null)))).isEmpty();
        // A digest never changes either.
        assertThat(pullComplaints(introduced(m -> pulling(m, "registry.example.com/stipple/client-service@sha256:" + "a".repeat(64), "IfNotPresent"))))
                .isEmpty();
    }

    @Test
    void onlyDevelopmentMayUseSideLoadedImages() {
        Manifests dev = Renderer.render(ProjectModel.repositoryRoot().resolve("deploy/k8s/overlays/dev"));
        assertThat(Yaml.text(dev.get("Deployment", "client-service"), "/spec/template/spec/containers/0/imagePullPolicy")).isEqualTo("Never");
        assertThat(pullComplaints(checker.check(dev, ManifestChecker.Expectations.development()))).isEmpty();
        assertThat(pullComplaints(checker.check(dev, production())))
                .hasSize(project.services().size())
                .allMatch(v -> v.contains("with imagePullPolicy Never"));
    }

    @Test
    void aContainerPortOtherThanTheServicesIsCaught() {
        assertThat(introduced(m -> obj(container(m, "booking-service"), "/ports/0").put("containerPort", 8080)))
                .contains("[prod] Deployment booking-service must declare container port 'http' = 8082 (the port the service listens on)");
    }

    // ---------------------------------------------------------------- configuration and secrets

    @Test
    void aMissingConfigurationVariableIsCaught() {
        assertThat(introduced(m -> m.get("ConfigMap", "stipple-config").withObject("/data").remove("JWT_ISSUER")))
                .contains("[prod] Deployment client-service does not set JWT_ISSUER",
                        "[prod] Deployment gallery-service does not set JWT_ISSUER");
    }

    @Test
    void aVariableTheServiceNeverReadsIsCaught() {
        assertThat(introduced(m -> m.get("ConfigMap", "gallery-service-config").withObject("/data").put("GALLERY_STORAGE_TYPE", "s3")))
                .containsExactly("[prod] Deployment gallery-service sets GALLERY_STORAGE_TYPE, which gallery-service never reads "
                        + "(renamed in its configuration?)");
    }

    // ---------------------------------------------------------------- memory sizing (deploy/sizing.properties)

    @Test
    void aJvmFlagOtherThanTheSizingFilesIsCaught() {
        assertThat(introduced(m -> env(m, "booking-service", "JAVA_TOOL_OPTIONS").put("value", "-XX:MaxRAMPercentage=70.0")))
                .singleElement().asString().startsWith("[prod] Deployment booking-service must run the JVM with JAVA_TOOL_OPTIONS \"-XX:+UseSerialGC");
    }

    @Test
    void aMemoryLimitBelowTheJvmBudgetIsCaught() {
        // the gallery's budget: 384 MiB heap + 128 metaspace + 48 code cache + 32 direct + 80 threads x 1 MiB + 96 native
        assertThat(introduced(m -> obj(container(m, "gallery-service"), "/resources/limits").put("memory", "640Mi")))
                .containsExactly("[prod] Deployment gallery-service memory limit 640Mi is below the JVM's budget of 768 MiB "
                        + "(deploy/sizing.properties)");
    }

    @Test
    void aMemoryRequestBelowTheTypicalResidentSizeIsCaught() {
        assertThat(introduced(m -> obj(container(m, "client-service"), "/resources/requests").put("memory", "256Mi")))
                .containsExactly("[prod] Deployment client-service memory request 256Mi is below its typical resident size "
                        + "of 288 MiB (deploy/sizing.properties)");
    }

    @Test
    void aCredentialInPlainTextIsCaught() {
        assertThat(introduced(m -> {
            ArrayNode env = container(m, "gallery-service").withArray("/env");
            env.removeIf(e -> e.path("name").asText().equals("DB_PASSWORD"));
            env.addObject().put("name", "DB_PASSWORD").put("value", "hunter2");
        })).contains("[prod] Deployment gallery-service sets credential DB_PASSWORD in plain text: take it from a Secret");
    }

    @Test
    void aWildcardCorsOriginIsCaught() {
        assertThat(introduced(m -> m.get("ConfigMap", "stipple-config").withObject("/data").put("STIPPLE_CORS_ORIGINS", "*")))
                .contains("[prod] Deployment booking-service allows every CORS origin (*)");
    }

    @Test
    void aSecretWithRealDataIsCaught() {
        ObjectNode secret = Yaml.MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "gallery-s3").put("namespace", "stipple");
        secret.putObject("stringData").put("access-key-id", "AKIAIOSFODNN7EXAMPLE").put("secret-access-key", "CHANGE_ME");
        assertThat(introduced(m -> m.add(secret.deepCopy())))
                .containsExactly("[prod] Secret gallery-s3 carries real data in 'access-key-id': commit placeholders only (CHANGE_ME), "
                        + "create real Secrets in the cluster");

        ObjectNode encoded = secret.deepCopy();
        encoded.remove("stringData");
        encoded.putObject("data").put("access-key-id", Base64.getEncoder().encodeToString("CHANGE_ME".getBytes()))
                .put("secret-access-key", Base64.getEncoder().encodeToString("wJalrXUtnFEMI/K7MDENG".getBytes()));
        assertThat(introduced(m -> m.add(encoded.deepCopy()))).hasSize(1).allMatch(v -> v.contains("'secret-access-key'"));
    }

    @Test
    void aSecretWithPlaceholdersOnlyIsAccepted() {
        ObjectNode secret = Yaml.MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "gallery-s3").put("namespace", "stipple");
        secret.putObject("stringData").put("access-key-id", "CHANGE_ME").put("secret-access-key", "<your secret key>");
        assertThat(introduced(m -> m.add(secret))).isEmpty();
    }

    @Test
    void theExampleSecretsMayHoldPlaceholdersOnly() {
        List<ObjectNode> examples = Yaml.documents(project.root().resolve("deploy/k8s/secrets/example.yaml"));
        assertThat(examples).isNotEmpty().allSatisfy(s -> assertThat(ManifestChecker.realData(s)).as(Yaml.name(s)).isEmpty());

        List<ObjectNode> leaked = examples.stream().map(ObjectNode::deepCopy).toList();
        leaked.get(0).withObject("/stringData").put("password", "correct-horse-battery-staple");
        ManifestChecker withLeak = new ManifestChecker(project, leaked);
        assertThat(withLeak.check(prod, production())).contains(
                "[prod] secrets/example.yaml: Secret " + Yaml.name(leaked.get(0)) + " carries real data in 'password'");
    }

    @Test
    void aSecretNobodyDescribedIsCaught() {
        assertThat(introduced(m -> container(m, "notification-service").withArray("/env").forEach(e -> {
            if (e.path("name").asText().equals("SMS_PROVIDER_API_KEY")) {
                ((ObjectNode) e.at("/valueFrom/secretKeyRef")).put("name", "twilio");
            }
        }))).containsExactly("[prod] Secret twilio is referenced but not described in deploy/k8s/secrets/example.yaml");
    }

    /** Points the container's env var at key {@code key} of Secret {@code secret}. */
    static void fromSecret(Manifests m, String service, String variable, String secret, String key) {
        ObjectNode ref = (ObjectNode) env(m, service, variable).at("/valueFrom/secretKeyRef");
        ref.put("name", secret).put("key", key);
    }

    static ObjectNode env(Manifests m, String service, String variable) {
        for (var e : container(m, service).withArray("/env")) {
            if (e.path("name").asText().equals(variable)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError(service + " has no env " + variable);
    }

    static ObjectNode role(Manifests m, String name) {
        for (var r : arr(m.get("Cluster", "stipple-db"), "/spec/managed/roles")) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no managed role " + name);
    }

    @Test
    void databaseCredentialsOfAnotherRoleAreCaught() {
        assertThat(introduced(m -> container(m, "gallery-service").withArray("/env").forEach(e -> {
            if (e.path("name").asText().startsWith("DB_")) {
                ((ObjectNode) e.at("/valueFrom/secretKeyRef")).put("name", "stipple-db-client");
            }
        }))).containsExactly(
                "[prod] Deployment gallery-service's DB_USER names role client, the owner of database client: the service must connect as a "
                        + "runtime role that owns nothing and cannot bypass Row-Level Security (only Flyway uses the owner, through DB_OWNER_USER)",
                "[prod] Deployment gallery-service takes DB_OWNER_USER from Secret stipple-db-client, but role gallery's credentials are in "
                        + "Secret stipple-db-gallery",
                "[prod] Deployment gallery-service takes DB_OWNER_PASSWORD from Secret stipple-db-client, but role gallery's credentials are in "
                        + "Secret stipple-db-gallery");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_OWNER_USER", "DB_OWNER_PASSWORD"})
    void aMissingOwnerCredentialIsCaught(String variable) {
        assertThat(introduced(m -> container(m, "booking-service").withArray("/env").removeIf(e -> e.path("name").asText().equals(variable))))
                .containsExactly("[prod] Deployment booking-service does not set " + variable);
    }

    @Test
    void ownerCredentialsNotFromTheOwnersSecretAreCaught() {
        assertThat(introduced(m -> env(m, "booking-service", "DB_OWNER_USER").removeAll().put("name", "DB_OWNER_USER").put("value", "booking")))
                .containsExactly("[prod] Deployment booking-service sets DB_OWNER_USER in plain text: take it from key 'username' of Secret "
                        + "stipple-db-booking, role booking's");
        assertThat(introduced(m -> env(m, "booking-service", "DB_OWNER_PASSWORD").removeAll().put("name", "DB_OWNER_PASSWORD").put("value", "s3cret")))
                .containsExactly("[prod] Deployment booking-service sets credential DB_OWNER_PASSWORD in plain text: take it from a Secret");
        // Flyway would migrate as the runtime role, which owns nothing (and the grants would never be given).
        assertThat(introduced(m -> {
            fromSecret(m, "booking-service", "DB_OWNER_USER", "stipple-db-booking-app", "username");
            fromSecret(m, "booking-service", "DB_OWNER_PASSWORD", "stipple-db-booking-app", "password");
        })).containsExactly(
                "[prod] Deployment booking-service takes DB_OWNER_USER from Secret stipple-db-booking-app, but role booking's credentials are "
                        + "in Secret stipple-db-booking",
                "[prod] Deployment booking-service takes DB_OWNER_PASSWORD from Secret stipple-db-booking-app, but role booking's credentials "
                        + "are in Secret stipple-db-booking");
        assertThat(introduced(m -> fromSecret(m, "booking-service", "DB_OWNER_USER", "stipple-db-booking", "password")))
                .containsExactly("[prod] Deployment booking-service takes DB_OWNER_USER from key 'password' of Secret stipple-db-booking; "
                        + "it is under 'username'");
    }

    @Test
    void aServiceConnectingAsTheOwnerIsCaught() {
        String complaint = "[prod] Deployment client-service's DB_USER names role client, the owner of database client: the service must "
                + "connect as a runtime role that owns nothing and cannot bypass Row-Level Security (only Flyway uses the owner, through "
                + "DB_OWNER_USER)";
        assertThat(introduced(m -> {
            fromSecret(m, "client-service", "DB_USER", "stipple-db-client", "username");
            fromSecret(m, "client-service", "DB_PASSWORD", "stipple-db-client", "password");
        })).containsExactly(complaint);
        assertThat(introduced(m -> env(m, "client-service", "DB_USER").removeAll().put("name", "DB_USER").put("value", "client")))
                .contains(complaint);
    }

    @Test
    void aRuntimeSecretWhoseUsernameIsTheOwnerIsCaught() {
        List<ObjectNode> examples = Yaml.documents(project.root().resolve("deploy/k8s/secrets/example.yaml")).stream()
                .map(ObjectNode::deepCopy).toList();
        examples.stream().filter(s -> Yaml.name(s).equals("stipple-db-client-app")).findFirst().orElseThrow()
                .withObject("/stringData").put("username", "client");
        List<String> after = new ArrayList<>(new ManifestChecker(project, examples).check(prod, production()));
        after.removeAll(baseline);
        assertThat(after).containsExactly("[prod] Secret stipple-db-client-app sets the password of role client_app but its username is "
                + "client: CloudNativePG requires the role's name, and the service connects as that username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "bypassrls", "createdb", "createrole", "replication"})
    void aPrivilegedRuntimeRoleIsCaught(String attribute) {
        assertThat(introduced(m -> role(m, "gallery_app").put(attribute, true)))
                .containsExactly("[prod] cluster stipple-db role gallery_app, the runtime role of gallery-service, has "
                        + attribute.toUpperCase() + ": it must be NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION, or "
                        + "Row-Level Security does not bind it");
    }

    @Test
    void aRuntimeRoleInheritingTheOwnerIsCaught() {
        assertThat(introduced(m -> role(m, "notification_app").putArray("inRoles").add("notification")))
                .containsExactly("[prod] cluster stipple-db role notification_app, the runtime role of notification-service, is a member of "
                        + "notification (inRoles), the owner of database notification: it could act as the owner and switch Row-Level "
                        + "Security off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "bypassrls"})
    void aPrivilegedOwnerRoleIsCaught(String attribute) {
        assertThat(introduced(m -> role(m, "booking").put(attribute, true)))
                .containsExactly("[prod] cluster stipple-db role booking, the owner of booking, has " + attribute.toUpperCase()
                        + ": Flyway needs to own the tables, nothing more");
    }

    @Test
    void aRuntimeRoleTheClusterDoesNotManageIsCaught() {
        assertThat(introduced(m -> arr(m.get("Cluster", "stipple-db"), "/spec/managed/roles")
                .removeIf(r -> r.path("name").asText().equals("booking_app"))))
                .containsExactly("[prod] Deployment booking-service takes DB_USER from Secret stipple-db-booking-app, which holds the "
                        + "password of no managed role of cluster stipple-db");
        assertThat(introduced(m -> role(m, "booking_app").put("login", false)))
                .containsExactly("[prod] cluster stipple-db has no managed login role booking_app (runtime role of booking-service, DB_USER)");
    }

    @Test
    void twoServicesSharingARuntimeRoleAreCaught() {
        assertThat(introduced(m -> {
            fromSecret(m, "gallery-service", "DB_USER", "stipple-db-client-app", "username");
            fromSecret(m, "gallery-service", "DB_PASSWORD", "stipple-db-client-app", "password");
        })).containsExactly(
                "[prod] services client-service and gallery-service both connect as role client_app: each has its own runtime role",
                "[prod] cluster stipple-db pg_hba must let role client_app into database gallery only (a 'hostssl gallery client_app all "
                        + "scram-sha-256' rule and a final 'host all all all reject')");
    }

    @Test
    void twoServicesOnOneDatabaseAreCaught() {
        assertThat(introduced(m -> m.get("ConfigMap", "gallery-service-config").withObject("/data")
                .put("DB_URL", "jdbc:postgresql://stipple-db-rw:5432/client")))
                .anyMatch(v -> v.contains("share database client"));
    }

    // ---------------------------------------------------------------- Kafka and topics

    @Test
    void aTopicWithoutKafkaTopicIsCaught() {
        assertThat(introduced(m -> m.remove("KafkaTopic", "stipple-bookings")))
                .containsExactly("[prod] topic stipple.bookings (used by io.stipple.platform.events.Topics) has no KafkaTopic");
        assertThat(introduced(m -> m.remove("KafkaTopic", "stipple-dlq-gallery-service")))
                .hasSize(project.services().get("gallery-service").topics().contains("stipple.dlq.gallery-service") ? 1 : 0);
    }

    @Test
    void underReplicatedTopicsInProdAreCaught() {
        assertThat(introduced(m -> m.get("KafkaTopic", "stipple-clients").withObject("/spec").put("replicas", 1)))
                .contains("[prod] KafkaTopic stipple.clients needs 3 replicas and min.insync.replicas 2 in prod");
        assertThat(introduced(m -> m.get("KafkaTopic", "stipple-clients").withObject("/spec/config").put("min.insync.replicas", 3)))
                .containsExactly("[prod] KafkaTopic stipple.clients min.insync.replicas 3 leaves no broker to lose (replicas 3)");
    }

    @Test
    void tooFewBrokersOrControllersAreCaught() {
        assertThat(introduced(m -> m.get("KafkaNodePool", "brokers").withObject("/spec").put("replicas", 1)))
                .contains("[prod] Kafka stipple-kafka has 1 broker(s); prod needs 3");
        assertThat(introduced(m -> m.get("KafkaNodePool", "controllers").withObject("/spec").put("replicas", 2)))
                .containsExactly("[prod] Kafka stipple-kafka has 2 KRaft controller(s); needs an odd number, at least 3");
    }

    @Test
    void topicAutoCreationIsCaught() {
        assertThat(introduced(m -> m.get("Kafka", "stipple-kafka").withObject("/spec/kafka/config").put("auto.create.topics.enable", true)))
                .containsExactly("[prod] Kafka stipple-kafka must set auto.create.topics.enable: false (every topic is a KafkaTopic)");
    }

    // ---------------------------------------------------------------- PostgreSQL

    @Test
    void aSingleInstanceOrAsynchronousDatabaseInProdIsCaught() {
        assertThat(introduced(m -> m.get("Cluster", "stipple-db").withObject("/spec").put("instances", 1)))
                .contains("[prod] Cluster stipple-db has 1 instance(s); prod needs 3");
        assertThat(introduced(m -> m.get("Cluster", "stipple-db").withObject("/spec/postgresql").remove("synchronous")))
                .containsExactly("[prod] Cluster stipple-db must replicate synchronously (spec.postgresql.synchronous)");
    }

    @Test
    void moreConnectionsThanTheDatabaseAcceptsAreCaught() {
        assertThat(introduced(m -> m.get("HorizontalPodAutoscaler", "notification-service").withObject("/spec").put("maxReplicas", 10)))
                .singleElement().asString().startsWith("[prod] Cluster stipple-db max_connections 400 is below what its clients may open at full scale")
                .contains("notification-service 10 x 30");
    }

    @Test
    void aMissingDatabaseIsCaught() {
        assertThat(introduced(m -> m.remove("Database", "stipple-db-booking")))
                .containsExactly("[prod] Deployment booking-service uses database booking, which cluster stipple-db does not create (Database resource)");
    }

    @Test
    void rolesReachingOtherDatabasesAreCaught() {
        assertThat(introduced(m -> ((ArrayNode) m.get("Cluster", "stipple-db").at("/spec/postgresql/pg_hba"))
                .removeIf(rule -> rule.asText().contains("reject"))))
                .hasSize(2 * project.services().size()) // the owner and the runtime role of each
                .allMatch(v -> v.contains("pg_hba must let role"));
    }

    @Test
    void aRuntimeRoleLockedOutOfItsDatabaseIsCaught() {
        assertThat(introduced(m -> ((ArrayNode) m.get("Cluster", "stipple-db").at("/spec/postgresql/pg_hba"))
                .removeIf(rule -> rule.asText().contains("gallery_app"))))
                .containsExactly("[prod] cluster stipple-db pg_hba must let role gallery_app into database gallery only (a 'hostssl gallery "
                        + "gallery_app all scram-sha-256' rule and a final 'host all all all reject')");
    }

    // ---------------------------------------------------------------- Ingress

    @Test
    void aPrefixRoutedToTheWrongServiceIsCaught() {
        assertThat(introduced(m -> arr(m.get("Ingress", "stipple-api"), "/spec/rules/0/http/paths").forEach(p -> {
            if (p.path("path").asText().equals("/api/v1/bookings")) {
                ((ObjectNode) p.at("/backend/service")).put("name", "client-service");
            }
        }))).containsExactly("[prod] Ingress stipple-api routes /api/v1/bookings to client-service, but booking-service owns it");
    }

    @Test
    void anUnroutedPrefixIsCaught() {
        assertThat(introduced(m -> arr(m.get("Ingress", "stipple-api"), "/spec/rules/0/http/paths")
                .removeIf(p -> p.path("path").asText().equals("/api/v1/gallery"))))
                .containsExactly("[prod] no Ingress routes /api/v1/gallery (owned by gallery-service)");
    }

    @Test
    void theClinicsPartnersAreRoutedToClientService() {
        assertThat(ApiOwnership.owners(project)).containsEntry("/api/v1/partners", "client-service");
        assertThat(introduced(m -> arr(m.get("Ingress", "stipple-api"), "/spec/rules/0/http/paths")
                .removeIf(p -> p.path("path").asText().equals("/api/v1/partners"))))
                .containsExactly("[prod] no Ingress routes /api/v1/partners (owned by client-service)");
        assertThat(introduced(m -> arr(m.get("Ingress", "stipple-api"), "/spec/rules/0/http/paths").forEach(p -> {
            if (p.path("path").asText().equals("/api/v1/partners")) {
                ((ObjectNode) p.at("/backend/service")).put("name", "notification-service");
            }
        }))).containsExactly("[prod] Ingress stipple-api routes /api/v1/partners to notification-service, but client-service owns it");
    }

    @Test
    void aCatchAllRouteIsCaught() {
        assertThat(introduced(m -> {
            ObjectNode path = arr(m.get("Ingress", "stipple-api"), "/spec/rules/0/http/paths").addObject();
            path.put("path", "/").put("pathType", "Prefix");
            path.putObject("backend").putObject("service").put("name", "client-service").putObject("port").put("name", "http");
        })).containsExactly("[prod] Ingress stipple-api routes / to client-service, but no service owns that prefix");
    }

    @Test
    void routingTheServerToServerOperationsIsCaught() {
        assertThat(introduced(m -> {
            ObjectNode path = arr(m.get("Ingress", "stipple-api"), "/spec/rules/0/http/paths").addObject();
            path.put("path", "/api/v1/internal").put("pathType", "Prefix");
            path.putObject("backend").putObject("service").put("name", "client-service").putObject("port").put("name", "http");
        })).containsExactly("[prod] Ingress stipple-api routes /api/v1/internal, which exposes the server-to-server "
                + "/api/v1/internal operations outside the cluster",
                "[prod] Ingress stipple-api routes /api/v1/internal to client-service, but no service owns that prefix");
    }

    // ---------------------------------------------------------------- NetworkPolicies

    @Test
    void aMissingDefaultDenyIsCaught() {
        assertThat(introduced(m -> m.remove("NetworkPolicy", "default-deny-all")))
                .containsExactly("[prod] no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)");
    }

    @Test
    void aServiceReachingAnotherDatabaseClusterIsCaught() {
        assertThat(introduced(m -> obj(m.get("NetworkPolicy", "gallery-service-allow-egress-db"),
                "/spec/egress/0/to/0/podSelector/matchLabels").put("cnpg.io/cluster", "stipple-db-other")))
                .containsExactly("[prod] NetworkPolicies let gallery-service reach database cluster(s) [stipple-db-other]; it must reach exactly "
                        + "stipple-db, where its database lives");
    }

    @Test
    void databaseEgressToEverythingIsCaught() {
        assertThat(introduced(m -> obj(m.get("NetworkPolicy", "client-service-allow-egress-db"), "/spec/egress/0").remove("to")))
                .contains("[prod] a NetworkPolicy lets client-service reach any destination on the database port");
    }

    @Test
    void servicesCutOffFromKafkaOrTheIngressControllerAreCaught() {
        assertThat(introduced(m -> m.remove("NetworkPolicy", "services-allow-egress-kafka")))
                .hasSize(project.services().size())
                .allMatch(v -> v.contains("on a listener port"));
        assertThat(introduced(m -> m.remove("NetworkPolicy", "services-allow-ingress")))
                .hasSize(project.services().size())
                .allMatch(v -> v.contains("ingress controller"));
    }
}
